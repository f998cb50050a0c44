import { describe, expect, it } from 'vitest'
import {
  filterServicePoints, FINDER_PAGE_SIZE, finderPage, matchesServicePointFilter, openingHoursInWeekOrder, openingHoursLines, SERVICE_POINT_AREA_CODES,
  SERVICE_POINT_AREA_LABELS, shownCount, sortServicePoints, type FilterablePoint,
} from '#shared/domain/appointments/service-points'
import { COUNTY_CODES } from '#shared/domain/platform/counties'
import { demoServicePoints } from '~~/server/seed/service-points'

const pt = (code: string, level: string, county: string | null, services: string[] = ['法律咨询'], channels: string[] = ['online', 'hotline_callback']): FilterablePoint =>
  ({ code, level, county, services, channels })

const POINTS = [
  pt('yc-helan', 'county', 'helan', ['法律咨询', '法律援助申请'], ['walk_in', 'online', 'hotline_callback']),
  pt('yc-helan-t1', 'township', 'helan', ['法律咨询', '人民调解'], ['walk_in', 'online', 'hotline_callback']),
  pt('yc-helan-t1-v1', 'village', 'helan'),
  pt('yc', 'city', null, ['法律咨询', '公证咨询'], ['walk_in', 'online', 'hotline_callback']),
  pt('yc-xingqing-t2', 'township', 'xingqing', ['人民调解']),
  pt('yc-xingqing', 'county', 'xingqing', ['法律咨询'], ['walk_in', 'online']),
  pt('yc-xingqing-t1-v1', 'village', 'xingqing'),
  pt('yc-xingqing-t1', 'township', 'xingqing'),
]
const codes = (ps: FilterablePoint[]) => ps.map(p => p.code)

describe('service-point filters', () => {
  it('no filter keeps every point, in the order given', () => {
    expect(codes(filterServicePoints(POINTS))).toEqual(codes(POINTS))
  })
  it('filters by county; "city" means the city-level centre, which belongs to no county', () => {
    expect(codes(filterServicePoints(POINTS, { county: 'helan' }))).toEqual(['yc-helan', 'yc-helan-t1', 'yc-helan-t1-v1'])
    expect(codes(filterServicePoints(POINTS, { county: 'city' }))).toEqual(['yc'])
    expect(filterServicePoints(POINTS, { county: 'lingwu' })).toEqual([])
  })
  it('filters by level, service and channel, and all of them together', () => {
    expect(codes(filterServicePoints(POINTS, { level: 'village' }))).toEqual(['yc-helan-t1-v1', 'yc-xingqing-t1-v1'])
    expect(codes(filterServicePoints(POINTS, { service: '人民调解' }))).toEqual(['yc-helan-t1', 'yc-xingqing-t2'])
    expect(codes(filterServicePoints(POINTS, { channel: 'walk_in' }))).toEqual(['yc-helan', 'yc-helan-t1', 'yc', 'yc-xingqing'])
    expect(codes(filterServicePoints(POINTS, { channel: 'hotline_callback', county: 'xingqing' }))).toEqual(['yc-xingqing-t2', 'yc-xingqing-t1-v1', 'yc-xingqing-t1'])
    expect(codes(filterServicePoints(POINTS, { county: 'helan', level: 'township', service: '人民调解', channel: 'walk_in' }))).toEqual(['yc-helan-t1'])
    expect(matchesServicePointFilter(POINTS[1]!, { county: 'helan', level: 'county' })).toBe(false)
  })
  it('orders for residents: the city centre, then the counties in the city\'s order, each as a tree', () => {
    expect(codes(sortServicePoints(POINTS))).toEqual([
      'yc', 'yc-xingqing', 'yc-xingqing-t1', 'yc-xingqing-t1-v1', 'yc-xingqing-t2', 'yc-helan', 'yc-helan-t1', 'yc-helan-t1-v1',
    ])
    const seeded = sortServicePoints(demoServicePoints().map(p => pt(p.code, p.level, p.county ?? null)))
    expect(seeded[0]!.level).toBe('city')
    const countyOrder = [...new Set(seeded.slice(1).map(p => p.county))]
    expect(countyOrder).toEqual([...COUNTY_CODES])
  })
  it('the county filter offers the city and the one county list', () => {
    expect(SERVICE_POINT_AREA_CODES).toEqual(['city', ...COUNTY_CODES])
    expect(SERVICE_POINT_AREA_LABELS.helan).toBe('贺兰县')
  })
  it('every seeded point is reachable through the filters the finder offers', () => {
    const seeded = demoServicePoints()
    for (const p of seeded) {
      const area = p.level === 'city' ? 'city' : p.county!
      expect(SERVICE_POINT_AREA_CODES).toContain(area)
    }
    expect(seeded.filter(p => p.level === 'village').length).toBeGreaterThan(0)
  })
})

describe('finder paging (显示更多)', () => {
  const items = Array.from({ length: 25 }, (_, i) => i)
  it('shows one page first and says what the next link adds', () => {
    const p = finderPage(items, undefined)
    expect(p.items).toEqual(items.slice(0, FINDER_PAGE_SIZE))
    expect(p).toMatchObject({ total: 25, shown: FINDER_PAGE_SIZE, remaining: 25 - FINDER_PAGE_SIZE, nextShown: 2 * FINDER_PAGE_SIZE })
  })
  it('shows whole pages up to all of them, then no more link', () => {
    expect(finderPage(items, String(2 * FINDER_PAGE_SIZE)).shown).toBe(2 * FINDER_PAGE_SIZE)
    expect(finderPage(items, '7').shown).toBe(2 * FINDER_PAGE_SIZE) // rounded up to a whole page
    const all = finderPage(items, '999')
    expect(all).toMatchObject({ shown: 25, remaining: 0, nextShown: null })
    expect(finderPage(items.slice(0, 3), undefined)).toMatchObject({ shown: 3, remaining: 0, nextShown: null })
    expect(finderPage([], '12')).toMatchObject({ shown: 0, total: 0, nextShown: null })
  })
  it('an odd ?shown= is the first page, not an error', () => {
    for (const raw of ['abc', '-6', '0', '1e3', '12345', '', ['12', '18'], 12, null]) {
      const s = shownCount(raw, 25)
      expect(s % FINDER_PAGE_SIZE, String(raw)).toBe(0)
      expect(s).toBeGreaterThanOrEqual(FINDER_PAGE_SIZE)
    }
    expect(shownCount(['12', '18'], 25)).toBe(12)
    expect(shownCount('abc', 25)).toBe(FINDER_PAGE_SIZE)
  })
})

describe('opening hours for reading out', () => {
  it('one line per group of days, sessions joined by 、 and ranges with an en dash', () => {
    expect(openingHoursLines({ '周一至周五': '09:00-12:00, 13:30-17:30', '周六': '09:00-12:00（法律援助值班）' }))
      .toEqual(['周一至周五 09:00–12:00、13:30–17:30', '周六 09:00–12:00（法律援助值班）'])
    expect(openingHoursLines({ '周二、周四': '9:00 - 11:30' })).toEqual(['周二、周四 9:00–11:30'])
    expect(openingHoursLines({ '周日': ' ' })).toEqual([])
    expect(openingHoursLines({})).toEqual([])
  })
  it('keeps the week order in the object the API sends (jsonb gives the shorter key first)', () => {
    const fromDb = { '周六': '09:00-12:00', '周一至周五': '09:00-12:00, 13:30-17:30', '节假日': '休息' }
    expect(Object.keys(openingHoursInWeekOrder(fromDb))).toEqual(['周一至周五', '周六', '节假日'])
    expect(JSON.parse(JSON.stringify(openingHoursInWeekOrder(fromDb)))).toEqual(fromDb)
    expect(Object.keys(JSON.parse(JSON.stringify(openingHoursInWeekOrder(fromDb))))[0]).toBe('周一至周五')
  })
})
