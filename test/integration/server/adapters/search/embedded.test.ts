// The bundled Meilisearch starts with any key it may have generated: base64url keys can begin with
// '-' (1 start in 64), which the server's argument parser would take for a flag.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Meilisearch } from 'meilisearch'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbeddedMeili, type EmbeddedMeili } from '~~/server/adapters/search/embedded'

describe('embedded Meilisearch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meili-key-'))
  let meili: EmbeddedMeili | undefined
  afterAll(async () => { await meili?.stop(); rmSync(dir, { recursive: true, force: true }) })

  it('starts with a master key that begins with a dash, and enforces it', { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, 'master.key'), '-_leading-dash-key-0123456789\n', { mode: 0o600 })
    meili = await startEmbeddedMeili({ dir })
    expect(meili.apiKey).toBe('-_leading-dash-key-0123456789')
    expect((await new Meilisearch({ host: meili.host, apiKey: meili.apiKey }).health()).status).toBe('available')
    await expect(new Meilisearch({ host: meili.host, apiKey: 'wrong-key-0123456789' }).getIndexes()).rejects.toThrow()
  })
})
