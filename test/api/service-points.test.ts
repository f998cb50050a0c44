// The service-point finder's API (issue 9) against the built portal: filters by county, level,
// service and channel; every item carries `channels`; a bad filter → 400 with a Chinese message,
// never 5xx; the finder page renders the same filtered list without JavaScript.
import { describe, expect, it } from 'vitest'
import { ApiClient, servers } from './helpers/client'

interface Point { id: string, code: string, name: string, level: string, county: string | null, services: string[], channels: string[], address: string, phone: string, openingHours: Record<string, string>, accessibility: string, isDemo: boolean }
const CHANNELS = ['walk_in', 'online', 'hotline_callback']

describe.each(servers())('service-point finder on $name', (server) => {
  const anon = new ApiClient(server.url)

  it('lists the four levels, each point with address, phone, hours, accessibility and its channels', async () => {
    const r = await anon.get<Point[]>('/api/service-points')
    expect(r.status).toBe(200)
    const all = r.body
    expect(new Set(all.map(p => p.level))).toEqual(new Set(['city', 'county', 'township', 'village']))
    for (const p of all) {
      expect(p.address, p.code).not.toBe('')
      expect(p.phone, p.code).toMatch(/^\d[\d-]{4,}$/)
      expect(Object.keys(p.openingHours).length, p.code).toBeGreaterThan(0)
      expect(p.accessibility, p.code).not.toBe('')
      expect(Array.isArray(p.channels)).toBe(true)
      expect(p.channels.every(c => CHANNELS.includes(c)), p.code).toBe(true)
    }
    // demo data is marked as such: names, addresses and accessibility notes say 示例
    for (const p of all.filter(x => x.isDemo)) expect(`${p.name}${p.address}`, p.code).toContain('示例')
  })

  it('filters by county, level, service and channel, alone and together', async () => {
    const all = (await anon.get<Point[]>('/api/service-points')).body
    const get = async (q: string) => {
      const r = await anon.get<Point[]>(`/api/service-points?${q}`)
      expect(r.status, q).toBe(200)
      return r.body
    }
    const helan = await get('county=helan')
    expect(helan.length).toBeGreaterThan(1)
    expect(helan.every(p => p.county === 'helan')).toBe(true)
    expect(helan.map(p => p.id).sort()).toEqual(all.filter(p => p.county === 'helan').map(p => p.id).sort())
    const city = await get('county=city')
    expect(city.map(p => p.level)).toEqual(['city'])
    const villages = await get('level=village')
    expect(villages.length).toBe(all.filter(p => p.level === 'village').length)
    expect(villages.every(p => p.level === 'village')).toBe(true)
    const mediation = await get(`service=${encodeURIComponent('人民调解')}`)
    expect(mediation.length).toBeGreaterThan(0)
    expect(mediation.length).toBeLessThan(all.length + 1)
    expect(mediation.every(p => p.services.includes('人民调解'))).toBe(true)
    const notary = await get(`service=${encodeURIComponent('公证咨询')}`)
    expect(notary.length).toBeLessThan(all.length)
    const walkIn = await get('channel=walk_in')
    expect(walkIn.every(p => p.channels.includes('walk_in'))).toBe(true)
    expect(walkIn.map(p => p.id).sort()).toEqual(all.filter(p => p.channels.includes('walk_in')).map(p => p.id).sort())
    const both = await get('county=yongning&level=village&channel=walk_in')
    expect(both.length).toBeGreaterThan(0)
    expect(both.every(p => p.county === 'yongning' && p.level === 'village' && p.channels.includes('walk_in'))).toBe(true)
    expect(await get('county=&level=&service=&channel=')).toHaveLength(all.length)
  })

  it('a bad filter is a 400 with a Chinese message naming the field, never a 5xx', async () => {
    const bad: Array<[string, RegExp]> = [
      ['county=beijing', /区县不正确/], ['level=palace', /网点级别不正确/], ['service=%E7%A6%BB%E5%A9%9A', /服务项目不正确/],
      ['channel=fax', /预约方式不正确/], ['level=city&level=county', /网点级别不正确/],
      [`county=${'x'.repeat(5000)}`, /区县不正确/],
    ]
    for (const [q, message] of bad) {
      const r = await anon.get<{ data: { code: string, issues: Array<{ path: string, message: string }> } }>(`/api/service-points?${q}`)
      expect(r.status, q).toBe(400)
      expect(r.body.data.code, q).toBe('VALIDATION')
      expect(r.body.data.issues[0]!.message, q).toMatch(message)
    }
    // not text at all: refused by the request guard before the schema, still a 400 in Chinese
    const nul = await anon.get<{ data: { code: string, message: string } }>('/api/service-points?county=helan%00')
    expect(nul.status).toBe(400)
    expect(nul.body.data.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('the finder page renders the filtered list without JavaScript, and a bad filter as a 400 page with its message', async () => {
    const html = await (await fetch(`${server.url}/service-points?county=helan&level=township`)).text()
    expect(html).toContain('贺兰县、乡镇(街道)工作站：找到 1 个服务网点')
    expect(html).toMatch(/href="\/appointments\?servicePointId=[0-9a-f-]{36}"/)
    const bad = await fetch(`${server.url}/service-points?level=palace`)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('网点级别不正确')
  })
})
