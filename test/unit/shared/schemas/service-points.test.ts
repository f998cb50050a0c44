// The finder's query schema (GET /api/service-points and the finder's GET form).
import { describe, expect, it } from 'vitest'
import { servicePointsQuery } from '#shared/schemas/service-points'
import { SERVICE_POINT_SERVICES } from '#shared/domain/appointments/service-points'

describe('servicePointsQuery', () => {
  it('accepts the choices the form offers, and empty fields as "any"', () => {
    expect(servicePointsQuery.parse({ county: 'helan', level: 'village', service: '人民调解', channel: 'walk_in' }))
      .toEqual({ county: 'helan', level: 'village', service: '人民调解', channel: 'walk_in' })
    expect(servicePointsQuery.parse({ county: 'city' })).toEqual({ county: 'city' })
    expect(servicePointsQuery.parse({ county: '', level: '', service: '', channel: '' })).toEqual({})
    for (const s of SERVICE_POINT_SERVICES) expect(servicePointsQuery.parse({ service: s })).toEqual({ service: s })
  })
  it('refuses anything else with a Chinese message per field', () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ county: 'beijing' }, 'county', /区县不正确/],
      [{ county: 'Helan' }, 'county', /区县不正确/],
      [{ level: 'palace' }, 'level', /网点级别不正确/],
      [{ service: '离婚' }, 'service', /服务项目不正确/],
      [{ channel: 'fax' }, 'channel', /预约方式不正确/],
      [{ level: ['city', 'county'] }, 'level', /网点级别不正确/],
      [{ county: 'helan\0' }, 'county', /区县不正确/],
    ]
    for (const [q, path, message] of cases) {
      const r = servicePointsQuery.safeParse(q)
      expect(r.success, JSON.stringify(q)).toBe(false)
      expect(r.error!.issues[0]!.path).toEqual([path])
      expect(r.error!.issues[0]!.message).toMatch(message)
    }
  })
})
