import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The aliases Nuxt gives app/ and server/ code (`~~/…` is the repository root, `#shared/…` is
// shared/), so modules that use them run under vitest too.
const resolve = {
  alias: {
    '#shared': fileURLToPath(new URL('./shared', import.meta.url)),
    '~~': fileURLToPath(new URL('.', import.meta.url)),
  },
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: ['test/integration/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        resolve,
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/api/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
