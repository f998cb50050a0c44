// The library search's engine requests over node:http, against a real Meilisearch: the answer of
// POST /multi-search as the official client would give it, and an error (never a silent empty
// answer) for a refused request, a wrong key, an unreachable host or a timeout.
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { multiSearchPort, postJson } from '~~/server/adapters/search/multi-search'
import { testSearch } from '../../../helpers/search'

describe('multiSearchPort (node:http)', () => {
  const conn = testSearch()
  const uid = conn.uid('multi_probe')
  let slow: Server
  let slowUrl = ''
  beforeAll(async () => {
    await conn.client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 })
    await conn.client.index(uid).updateFilterableAttributes(['id']).waitTask({ timeout: 60_000 })
    await conn.client.index(uid).addDocuments([{ id: 'a', text: '用人单位拖欠劳动报酬' }, { id: 'b', text: '饲养的动物造成他人损害' }]).waitTask({ timeout: 60_000 })
    slow = createServer(() => { /* never answers */ })
    await new Promise<void>(r => slow.listen(0, '127.0.0.1', r))
    slowUrl = `http://127.0.0.1:${(slow.address() as { port: number }).port}`
  })
  afterAll(async () => {
    slow?.closeAllConnections()
    slow?.close()
    await conn.client.deleteIndexIfExists(uid)
  })

  it('answers each query of a multi-search in order, as the official client does', async () => {
    const port = multiSearchPort(inject('meiliHost'), inject('meiliKey'))
    const queries = [
      { indexUid: uid, q: '劳动报酬', limit: 10, attributesToRetrieve: ['id'] },
      { indexUid: uid, q: '', limit: 10, filter: 'id IN ["b"]' },
    ]
    const mine = await port.multiSearch({ queries })
    const official = await conn.client.multiSearch({ queries })
    expect(mine.results.map(r => r.hits)).toEqual(official.results.map(r => r.hits))
    expect(mine.results[0]!.hits).toEqual([{ id: 'a' }])
    expect(mine.results[1]!.hits).toEqual([{ id: 'b', text: '饲养的动物造成他人损害' }])
  })

  it('rejects a refused request with the engine status and code, a wrong key, an unreachable host and a timeout', async () => {
    const port = multiSearchPort(inject('meiliHost'), inject('meiliKey'))
    await expect(port.multiSearch({ queries: [{ indexUid: conn.uid('no_such_index'), q: 'x' }] })).rejects.toThrow(/400|404.*index_not_found/)
    await expect(multiSearchPort(inject('meiliHost'), 'wrong-key-wrong-key').multiSearch({ queries: [{ indexUid: uid, q: 'x' }] })).rejects.toThrow(/40[13]/)
    await expect(multiSearchPort('http://127.0.0.1:9', 'k').multiSearch({ queries: [] })).rejects.toThrow()
    await expect(postJson(slowUrl, 'k', '/multi-search', { queries: [] }, 200)).rejects.toThrow(/timeout after 200 ms/)
  })

  it('has a request on its way one tick after it is made, so synchronous work that follows (the ranking) does not hold it back', async () => {
    // a server in another process notes when each request reaches it
    const child = spawn(process.execPath, ['-e', "require('http').createServer((q, s) => { const at = Date.now(); q.resume(); q.on('end', () => s.end(JSON.stringify({ results: [{ hits: [{ at }] }] }))) }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })"])
    try {
      const port = await new Promise<string>((resolve, reject) => { child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim())); child.once('error', reject) })
      const engine = multiSearchPort(`http://127.0.0.1:${port}`, '')
      await engine.multiSearch({ queries: [] }) // a kept-alive socket, as under traffic
      for (let i = 0; i < 3; i++) {
        const asked = engine.multiSearch({ queries: [] })
        await new Promise<void>(r => process.nextTick(r)) // what the library search waits (requestWritten)
        const held = Date.now()
        while (Date.now() - held < 600) { /* the thread held, as by a ranking */ }
        const at = (await asked).results[0]!.hits[0] as { at: number }
        // without the tick it arrives only once the thread is free again (600 ms later)
        expect(at.at).toBeLessThan(held + 400)
      }
    } finally {
      child.kill()
    }
  })
})
