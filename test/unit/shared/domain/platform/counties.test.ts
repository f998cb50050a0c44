import { describe, expect, it } from 'vitest'
import { CITY_NAME, COUNTIES, COUNTY_CODES, COUNTY_NAMES } from '#shared/domain/platform/counties'
import { YINCHUAN_REGIONS } from '#shared/domain/cases/taxonomy'
import { countyCodes, countyLabels } from '#shared/schemas/eligibility'

describe('Yinchuan counties', () => {
  it('lists the six county-level divisions once, in the official order', () => {
    expect(COUNTIES.map(([, n]) => n)).toEqual(['兴庆区', '金凤区', '西夏区', '永宁县', '贺兰县', '灵武市'])
    expect(new Set(COUNTY_CODES).size).toBe(6)
  })
  it('is the list the case regions and the screening use', () => {
    expect(YINCHUAN_REGIONS).toEqual([CITY_NAME, ...Object.values(COUNTY_NAMES)])
    expect(countyCodes).toBe(COUNTY_CODES)
    expect(countyLabels).toBe(COUNTY_NAMES)
  })
})
