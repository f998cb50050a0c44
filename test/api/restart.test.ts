// Restarting keeps all data; deleting the search data folder and restarting rebuilds the index.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { meiliProcess } from './helpers/meili-process'
import { startServer, waitSettled, type RunningServer } from './helpers/spawn-server'

const dir = mkdtempSync(join(tmpdir(), 'restart-'))
const env = { NUXT_DATA_DIR: dir, NUXT_SEED_DEMO_PASSWORD: 'Restart-Passw0rd' }
let server: RunningServer | undefined

async function meiliDocs(index: string): Promise<number> {
  const port = /--http-addr 127\.0\.0\.1:(\d+)/.exec(meiliProcess(dir)?.args ?? '')![1]
  const key = readFileSync(join(dir, 'keys/meili-master.key'), 'utf8').trim()
  const r = await fetch(`http://127.0.0.1:${port}/indexes/${index}/stats`, { headers: { authorization: `Bearer ${key}` } })
  return r.ok ? ((await r.json()) as { numberOfDocuments: number }).numberOfDocuments : -1
}

afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('restart on the embedded defaults (PGlite + bundled Meilisearch)', () => {
  it('keeps data across restarts and rebuilds a deleted search index from PostgreSQL', { timeout: 900_000 }, async () => {
    server = await startServer(env)
    await waitSettled(server.url)
    const points = await (await fetch(`${server.url}/api/service-points`)).json() as Array<{ id: string }>
    expect(points.length).toBeGreaterThan(20)
    const cases = await meiliDocs('cases') // every published case, indexed once the outbox is empty
    expect(cases).toBeGreaterThan(200)
    expect(await meiliDocs('service_points')).toBe(-1) // no index nothing reads (issue 12)
    const keyBefore = readFileSync(join(dir, 'keys/crypto.key'), 'utf8')
    await server.stop()

    server = await startServer(env)
    const again = await (await fetch(`${server.url}/api/service-points`)).json() as Array<{ id: string }>
    expect(again.map(p => p.id).sort()).toEqual(points.map(p => p.id).sort())
    expect(readFileSync(join(dir, 'keys/crypto.key'), 'utf8')).toBe(keyBefore)
    expect(server.output()).not.toContain('seed: 25 demo service points')
    await server.stop()

    rmSync(join(dir, 'meili'), { recursive: true, force: true })
    server = await startServer(env)
    const health = await waitSettled(server.url)
    expect(health).toMatchObject({ status: 'ok', db: { driver: 'pglite' } })
    const deadline = Date.now() + 60_000
    while (await meiliDocs('cases') !== cases && Date.now() < deadline) await new Promise(r => setTimeout(r, 250))
    expect(await meiliDocs('cases')).toBe(cases)
    expect(server.output()).toContain('index cases missing, rebuilding')
  })
})
