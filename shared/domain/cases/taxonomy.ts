/**
 * Fixed taxonomy of the 以案释法 case library: categories, priority groups and
 * Yinchuan regions. Pure data + type guards, usable in browser and server.
 */
import { CITY_NAME, COUNTY_NAMES, type CountyName } from '../platform/counties'

export const CASE_CATEGORIES = [
  '劳动争议',
  '工伤',
  '婚姻家庭',
  '家庭暴力',
  '继承纠纷',
  '老年人权益',
  '未成年人保护',
  '残疾人权益',
  '交通事故',
  '人身损害',
  '医疗纠纷',
  '借贷纠纷',
  '房屋租赁',
  '消费者权益',
  '社会保险',
  '法律援助',
  '行政争议',
  '刑事辩护',
  '征地拆迁',
  '军人军属权益',
] as const

export type CaseCategory = (typeof CASE_CATEGORIES)[number]

/** Priority groups of the city plan (item 42) with their Chinese labels. */
export const PRIORITY_GROUPS = [
  { code: 'low_income', label: '低收入群体' },
  { code: 'disabled', label: '残疾人' },
  { code: 'migrant_worker', label: '农民工' },
  { code: 'elderly', label: '老年人' },
  { code: 'minor', label: '未成年人' },
  { code: 'single_mother', label: '单亲困难母亲' },
  { code: 'left_behind', label: '留守妇女儿童' },
  { code: 'military_family', label: '军人军属' },
  { code: 'veteran', label: '退役军人' },
] as const

export type PriorityGroup = (typeof PRIORITY_GROUPS)[number]['code']

export const PRIORITY_GROUP_CODES = PRIORITY_GROUPS.map(g => g.code) as [PriorityGroup, ...PriorityGroup[]]

export const PRIORITY_GROUP_LABELS: Readonly<Record<PriorityGroup, string>> = Object.fromEntries(
  PRIORITY_GROUPS.map(g => [g.code, g.label]),
) as Record<PriorityGroup, string>

/** 银川市 and its six county-level divisions. */
export const YINCHUAN_REGIONS = [CITY_NAME, ...Object.values(COUNTY_NAMES) as CountyName[]] as const

export type YinchuanRegion = (typeof YINCHUAN_REGIONS)[number]

/** Region value used for national typical cases (最高人民法院等发布). */
export const NATIONAL_REGION = '全国' as const

export type CaseRegion = YinchuanRegion | typeof NATIONAL_REGION

const categorySet: ReadonlySet<string> = new Set(CASE_CATEGORIES)
const groupSet: ReadonlySet<string> = new Set(PRIORITY_GROUP_CODES)
const regionSet: ReadonlySet<string> = new Set(YINCHUAN_REGIONS)

export function isCaseCategory(value: unknown): value is CaseCategory {
  return typeof value === 'string' && categorySet.has(value)
}

export function isPriorityGroup(value: unknown): value is PriorityGroup {
  return typeof value === 'string' && groupSet.has(value)
}

export function isYinchuanRegion(value: unknown): value is YinchuanRegion {
  return typeof value === 'string' && regionSet.has(value)
}
