import { describe, expect, it } from 'vitest'
import { buildCaseFilter } from '~~/server/domain/cases/filters'
import { DomainError } from '~~/server/domain/errors'

describe('buildCaseFilter', () => {
  it('builds filters only from the fixed lists', () => {
    expect(buildCaseFilter({})).toEqual([])
    expect(buildCaseFilter({ category: '劳动争议', group: 'migrant_worker' })).toEqual(['category = "劳动争议"', 'groups = "migrant_worker"'])
    expect(buildCaseFilter({ region: '金凤区', kind: 'typical' })).toEqual(['region = "金凤区"', 'kind = "typical"'])
  })
  it.each([
    ['category', '劳动争议" OR 1=1'],
    ['category', '劳动争议 OR category = "工伤"'],
    ['group', 'elderly" OR groups EXISTS'],
    ['group', 'ELDERLY'],
    ['region', '北京'],
    ['kind', 'bulk'],
  ])('refuses %s=%s', (field, value) => {
    try {
      buildCaseFilter({ [field]: value })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError)
      expect((e as DomainError).code).toBe('INVALID_FILTER')
      expect((e as DomainError).details).toEqual({ field })
    }
  })
})
