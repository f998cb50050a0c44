// The library search and detail routes against the built portal: the response contract, dataset
// statute ids, escaped highlights, whitelisted filters (injection attempts are 400) and 404s.
import { describe, expect, it } from 'vitest'
import type { HighlightDto } from '../../shared/types/cases'
import { markup } from '../helpers/highlight'
import { ApiClient, servers } from './helpers/client'

const STATUTE_ID = /^L[0-9a-f]{10}-(?:a\d{4}(?:-\d+)?|doc)$/
const enc = encodeURIComponent

/** The case index is built right after start-up: wait until it answers. */
async function searchWhenReady(api: ApiClient, path: string, ready: (b: any) => boolean, ms = 150_000) {
  const until = Date.now() + ms
  for (;;) {
    const r = await api.get(path)
    if (r.status === 200 && ready(r.body)) return r
    if (Date.now() > until) return r
    await new Promise(res => setTimeout(res, 500))
  }
}

const onlyMarks = (html: string) => html.replace(/<\/?mark>/g, '')

describe.each(servers())('library search on $name', (server) => {
  const api = new ApiClient(server.url)

  it('answers the documented shape, with dataset statute ids and published cases', { timeout: 200_000 }, async () => {
    const r = await searchWhenReady(api, `/api/search?q=${enc('老板拖欠工资怎么办')}`, b => !b.degraded && b.cases.total > 0 && b.statutes.total > 0)
    expect(r.status).toBe(200)
    expect(Object.keys(r.body).sort()).toEqual(['cases', 'degraded', 'statutes'])
    expect(r.body.degraded).toBe(false)
    expect(r.body.statutes.hits.length).toBeGreaterThan(0)
    // where the time went (Server-Timing): the in-memory ranking and the engine requests, within the total
    const timing = Object.fromEntries([...(r.headers.get('server-timing') ?? '').matchAll(/([a-z]+);dur=([\d.]+)/g)].map(m => [m[1], Number(m[2])]))
    expect(Object.keys(timing)).toEqual(expect.arrayContaining(['validate', 'rewrite', 'rank', 'engine', 'fuse', 'total']))
    expect(timing.rank! + timing.engine!).toBeLessThanOrEqual(timing.total!)
    for (const h of r.body.statutes.hits) {
      expect(Object.keys(h).sort()).toEqual(['articleLabel', 'highlight', 'id', 'lawTitle', 'text', 'versionDate'])
      expect(h.id).toMatch(STATUTE_ID)
      // issue 11: each hit shows the date of the text it quotes
      expect(h.versionDate === null || /^\d{4}-\d{2}-\d{2}$/.test(h.versionDate)).toBe(true)
    }
    for (const h of r.body.cases.hits) expect(Object.keys(h).sort()).toEqual(['category', 'highlight', 'id', 'slug', 'summary', 'title'])
    expect(typeof r.body.cases.total).toBe('number')
    expect(r.body.cases.facets).toHaveProperty('category')
    expect(r.body.cases.facets).toHaveProperty('groups')
    // a statute hit is the dataset article of that id
    const first = r.body.statutes.hits[0]
    const detail = await api.get(`/api/statutes/${first.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.statute).toMatchObject({ id: first.id, lawTitle: first.lawTitle, text: first.text, inForce: true, versionDate: first.versionDate })
    expect(detail.body.status.kind).toBe('in_force')
    expect(detail.body.neighbours.map((n: { id: string }) => n.id)).toContain(first.id)
  })

  it('counts the matching articles up to 100, or one past a deeper page, and says when more match', async () => {
    const q = enc('单位拖欠工资')
    const r = await searchWhenReady(api, `/api/search?q=${q}`, b => !b.degraded && b.statutes.total > 0)
    expect(r.body.statutes).toMatchObject({ total: 100, more: true })
    expect(r.body.statutes.hits).toHaveLength(10)
    const deep = await api.get(`/api/search?q=${q}&page=12`)
    expect(deep.status).toBe(200)
    expect(deep.body.statutes).toMatchObject({ total: 121, more: true })
    expect(deep.body.statutes.hits).toHaveLength(10)
    // a law's name lists its articles: counted in full
    const law = await api.get(`/api/search?q=${enc('法律援助法')}`)
    expect(law.body.statutes.more).toBeUndefined()
    expect(law.body.statutes.total).toBeGreaterThan(10)
  })

  it('escapes the text and the query before marking matches', async () => {
    const q = '<script>alert(1)</script> 工资 & "劳动合同"'
    const r = await api.get(`/api/search?q=${enc(q)}`)
    expect(r.status).toBe(200)
    const ranges = [...r.body.statutes.hits, ...r.body.cases.hits].map((h: { highlight: HighlightDto }) => h.highlight)
    expect(ranges.length).toBeGreaterThan(0)
    // highlights are text + ranges, never HTML; what the reader gets is escaped text with <mark>
    for (const h of ranges) expect(Object.keys(h).sort()).toEqual(['marks', 'text'])
    const all = ranges.map(markup)
    for (const h of all) {
      expect(onlyMarks(h)).not.toMatch(/[<>]/)
      expect(h).not.toContain('<script')
    }
    expect(all.some(h => h.includes('<mark>'))).toBe(true)
  })

  it.each([
    ['category', '劳动争议" OR 1=1'],
    ['category', '劳动争议 OR category = "工伤"'],
    ['group', 'elderly" OR groups EXISTS'],
    ['group', 'nobody'],
    ['limit', '51'],
    ['page', '0'],
    ['q', 'x'.repeat(201)],
  ])('refuses %s=%s with 400', async (key, value) => {
    const r = await api.get(`/api/search?${key}=${enc(value)}`)
    expect(r.status).toBe(400)
    expect(r.body.data.code).toBe('VALIDATION')
    expect(JSON.stringify(r.body)).not.toContain('OR 1=1')
  })

  it('filters cases by whitelisted category and group', { timeout: 200_000 }, async () => {
    const r = await searchWhenReady(api, `/api/search?category=${enc('劳动争议')}`, b => !b.degraded && b.cases.total > 0)
    expect(r.status).toBe(200)
    expect(r.body.cases.hits.length).toBeGreaterThan(0)
    expect(r.body.cases.hits.every((h: { category: string }) => h.category === '劳动争议')).toBe(true)
    expect(Object.keys(r.body.cases.facets.category)).toEqual(['劳动争议'])
    const g = await api.get('/api/search?group=elderly&limit=50')
    expect(g.status).toBe(200)
  })

  it('serves a published case by slug and 404s for unknown cases and statutes', { timeout: 200_000 }, async () => {
    const s = await searchWhenReady(api, `/api/search?q=${enc('社保')}`, b => b.cases.total > 0)
    const slug = s.body.cases.hits[0].slug
    const c = await api.get(`/api/cases/${slug}`)
    expect(c.status).toBe(200)
    expect(c.body).toMatchObject({ slug, title: expect.any(String), explanation: expect.any(String) })
    for (const st of c.body.statutes) expect(st.id).toMatch(STATUTE_ID)
    expect((await api.get('/api/cases/no-such-case-here')).status).toBe(404)
    expect((await api.get('/api/statutes/L0000000000-a0001')).status).toBe(404)
    expect((await api.get('/api/statutes/not-an-id')).status).toBe(400)
  })

  it('renders search results on the server for the no-JavaScript form', async () => {
    const r = await fetch(`${server.url}/search?q=${enc('工资')}`)
    expect(r.status).toBe(200)
    const html = await r.text()
    expect(html).toContain('<form method="get" action="/search"')
    expect(html).toContain('<mark>')
    expect(html).toContain('找到 100 条以上相关法条') // counted up to 100
    const missing = await fetch(`${server.url}/cases/no-such-case-here`)
    expect(missing.status).toBe(404)
  })

  it.each([
    ['劳动合同法第八十二条', '中华人民共和国劳动合同法', '第八十二条'],
    ['劳动合同法82条', '中华人民共和国劳动合同法', '第八十二条'],
    ['民法典1079条', '中华人民共和国民法典', '第一千零七十九条'],
    ['民法典第一千零七十九条', '中华人民共和国民法典', '第一千零七十九条'],
    ['法律援助法 31条', '中华人民共和国法律援助法', '第三十一条'],
    ['《中华人民共和国反家庭暴力法》第二十三条', '中华人民共和国反家庭暴力法', '第二十三条'],
  ])('a citation typed as people type it (%s) puts that article first', { timeout: 200_000 }, async (q, law, label) => {
    const r = await searchWhenReady(api, `/api/search?q=${enc(q)}`, b => !b.degraded && b.statutes.hits[0]?.articleLabel === label)
    expect(r.status).toBe(200)
    expect(r.body.statutes.hits[0]).toMatchObject({ lawTitle: law, articleLabel: label })
  })

  it('a law\'s name alone lists that law in article order', { timeout: 200_000 }, async () => {
    const r = await searchWhenReady(api, `/api/search?q=${enc('反家庭暴力法')}`, b => !b.degraded && b.statutes.hits[0]?.articleLabel === '第一条')
    expect(r.body.statutes.hits.map((h: { lawTitle: string }) => h.lawTitle)).toEqual(Array(r.body.statutes.hits.length).fill('中华人民共和国反家庭暴力法'))
    expect(r.body.statutes.hits.slice(0, 3).map((h: { articleLabel: string }) => h.articleLabel)).toEqual(['第一条', '第二条', '第三条'])
  })

  it.each([
    ['12345', 'NOTHING_TO_SEARCH'], ['？？？ ……', 'NOTHING_TO_SEARCH'], ['1 OR 1=1', 'NOT_CHINESE'],
    ['unpaid wages', 'NOT_CHINESE'], ['laoban bu gei gongzi', 'NOT_CHINESE'],
  ])('nothing to search in %s: no filler, a Chinese notice with 12348', async (q, code) => {
    const r = await api.get(`/api/search?q=${enc(q)}`)
    expect(r.status).toBe(200)
    expect(r.body.statutes.hits).toEqual([])
    expect(r.body.cases.hits).toEqual([])
    expect(r.body.notice.code).toBe(code)
    expect(r.body.notice.message).toContain('12348')
  })

  it('shows an article text once per page', { timeout: 200_000 }, async () => {
    const r = await searchWhenReady(api, `/api/search?q=${enc('本法自公布之日起施行')}`, b => !b.degraded && b.statutes.hits.length > 0)
    const texts = r.body.statutes.hits.map((h: { text: string }) => h.text.replace(/\s/g, ''))
    expect(new Set(texts).size).toBe(texts.length)
  })
})
