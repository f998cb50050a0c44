/**
 * 银川市 and its six county-level divisions (3 districts, 2 counties, 1 county-level city), in the
 * order the city government lists them. The one list for forms, screening standards, service
 * points and case regions.
 */
export const CITY_NAME = '银川市' as const

export const COUNTY_CODES = ['xingqing', 'jinfeng', 'xixia', 'yongning', 'helan', 'lingwu'] as const
export type CountyCode = (typeof COUNTY_CODES)[number]

export const COUNTY_NAMES = {
  xingqing: '兴庆区',
  jinfeng: '金凤区',
  xixia: '西夏区',
  yongning: '永宁县',
  helan: '贺兰县',
  lingwu: '灵武市',
} as const satisfies Record<CountyCode, string>

export type CountyName = (typeof COUNTY_NAMES)[CountyCode]

/** [code, name] pairs in list order. */
export const COUNTIES: ReadonlyArray<readonly [CountyCode, CountyName]> = COUNTY_CODES.map(c => [c, COUNTY_NAMES[c]] as const)
