// Starts one real Meilisearch for the whole integration run (tests use their own index prefixes).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startEmbeddedMeili } from '../../server/adapters/search/embedded'

declare module 'vitest' {
  export interface ProvidedContext {
    meiliHost: string
    meiliKey: string
    meiliDir: string
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'it-meili-'))
  const meili = await startEmbeddedMeili({ dir })
  project.provide('meiliHost', meili.host)
  project.provide('meiliKey', meili.apiKey)
  project.provide('meiliDir', dir)
  return async () => {
    await meili.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
