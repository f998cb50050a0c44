// Meilisearch filters for the case index, built ONLY from whitelisted values: anything outside
// the fixed category and group lists is refused, so user input never reaches a filter.
// Framework-free.
import { CASE_CATEGORIES, PRIORITY_GROUP_CODES, YINCHUAN_REGIONS, NATIONAL_REGION } from '../../../shared/domain/cases/taxonomy'
import { DomainError } from '../errors'

export interface CaseFilterInput { category?: string, group?: string, region?: string, kind?: string }

const KINDS = ['explained', 'typical'] as const
const REGIONS: readonly string[] = [...YINCHUAN_REGIONS, NATIONAL_REGION]

function pick(list: readonly string[], value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined
  const found = list.find(v => v === value)
  if (found === undefined) throw new DomainError('INVALID_FILTER', { field })
  return found
}

/** Filter expressions (AND-ed by Meilisearch when passed as an array). */
export function buildCaseFilter(input: CaseFilterInput): string[] {
  const out: string[] = []
  const category = pick(CASE_CATEGORIES, input.category, 'category')
  const group = pick(PRIORITY_GROUP_CODES, input.group, 'group')
  const region = pick(REGIONS, input.region, 'region')
  const kind = pick(KINDS, input.kind, 'kind')
  // The value comes from our own list (never the request string), quoted as a JSON string.
  if (category) out.push(`category = ${JSON.stringify(category)}`)
  if (group) out.push(`groups = ${JSON.stringify(group)}`)
  if (region) out.push(`region = ${JSON.stringify(region)}`)
  if (kind) out.push(`kind = ${JSON.stringify(kind)}`)
  return out
}
