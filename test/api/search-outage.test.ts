// Kill the embedded Meilisearch under a running portal: nothing answers 500, health says degraded,
// the portal restarts its search engine and the outbox drains back to zero.
import { describe, expect, it } from 'vitest'
import { ApiClient, servers } from './helpers/client'
import { meiliProcess } from './helpers/meili-process'

const meiliPid = (dataDir: string) => meiliProcess(dataDir)?.pid

describe.each(servers())('search engine outage on $name', (server) => {
  it('answers without 500 while Meilisearch is down, and recovers by itself', async () => {
    const api = new ApiClient(server.url)
    const pid = meiliPid(server.dataDir)
    expect(pid, 'embedded Meilisearch process').toBeTruthy()
    process.kill(pid!, 'SIGKILL')

    const statuses: Record<string, number[]> = {}
    const paths = ['/api/health', '/api/service-points', '/api/search?q=%E8%80%81%E6%9D%BF%E6%8B%96%E6%AC%A0%E5%B7%A5%E8%B5%84']
    let sawDegraded = false
    for (let i = 0; i < 5; i++) {
      for (const p of paths) {
        const r = await api.get(p)
        ;(statuses[p] ??= []).push(r.status)
        if (p === '/api/health' && r.body?.status === 'degraded') sawDegraded = true
      }
    }
    for (const [p, codes] of Object.entries(statuses)) {
      expect(codes.filter(c => c >= 500), `${p} answered ${codes.join(',')}`).toEqual([])
    }
    expect(sawDegraded).toBe(true)

    // The supervisor brings the engine back; health returns to ok and the outbox drains.
    const deadline = Date.now() + 60_000
    let last: any
    for (;;) {
      last = (await api.get('/api/health')).body
      if (last.status === 'ok' && last.search.pendingOutbox === 0) break
      if (Date.now() > deadline) break
      await new Promise(r => setTimeout(r, 250))
    }
    expect(last).toMatchObject({ status: 'ok', search: { ok: true, pendingOutbox: 0 } })
    expect(meiliPid(server.dataDir)).not.toBe(pid)
  })
})
