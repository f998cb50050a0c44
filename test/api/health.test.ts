import { describe, expect, it } from 'vitest'
import { ApiClient, servers } from './helpers/client'

describe.each(servers())('health on $name', (server) => {
  it('reports the database driver and the search engine', async () => {
    const res = await new ApiClient(server.url).get('/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'ok', db: { ok: true, driver: server.name }, search: { ok: true } })
    expect(typeof res.body.search.pendingOutbox).toBe('number')
  })

  it('builds the in-memory statute ranker from the database soon after start', { timeout: 150_000 }, async () => {
    const api = new ApiClient(server.url)
    const until = Date.now() + 120_000
    let ranker: { articles: number, knownQuestions: number } | null = null
    while (!ranker && Date.now() < until) {
      ranker = (await api.get('/api/health')).body.search.ranker
      if (!ranker) await new Promise(r => setTimeout(r, 500))
    }
    expect(ranker?.articles).toBeGreaterThan(1000)
    expect(ranker?.knownQuestions).toBeGreaterThan(0)
  })

  it('lists the demo service points on four levels', async () => {
    const res = await new ApiClient(server.url).get('/api/service-points')
    expect(res.status).toBe(200)
    const levels = new Set((res.body as Array<{ level: string }>).map(p => p.level))
    expect([...levels].sort()).toEqual(['city', 'county', 'township', 'village'])
    const counties = (res.body as Array<{ level: string, name: string }>).filter(p => p.level === 'county').map(p => p.name).join()
    for (const c of ['兴庆区', '金凤区', '西夏区', '永宁县', '贺兰县', '灵武市']) expect(counties).toContain(c)
  })
})
