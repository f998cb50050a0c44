import { describe, expect, it } from 'vitest'
import { caseSlugParams, searchLibraryQuery, statuteIdParams } from '#shared/schemas/search'

describe('searchLibraryQuery', () => {
  it('applies defaults and coerces numbers', () => {
    expect(searchLibraryQuery.parse({})).toEqual({ q: '', page: 1, limit: 10 })
    expect(searchLibraryQuery.parse({ q: '  老板不给工资 ', page: '2', limit: '50', category: '劳动争议', group: 'migrant_worker' }))
      .toEqual({ q: '老板不给工资', page: 2, limit: 50, category: '劳动争议', group: 'migrant_worker' })
  })
  it('treats empty category/group as absent (the no-JS form sends them empty)', () => {
    expect(searchLibraryQuery.parse({ category: '', group: '' })).toEqual({ q: '', page: 1, limit: 10 })
  })
  it.each([
    [{ category: '劳动争议" OR 1=1' }],
    [{ category: ['劳动争议', '工伤'] }],
    [{ group: 'nobody' }],
    [{ limit: '51' }],
    [{ limit: '0' }],
    [{ page: '0' }],
    [{ page: '1.5' }],
    [{ q: 'a'.repeat(201) }],
    [{ q: ['a', 'b'] }],
  ])('refuses %j', (input) => {
    expect(searchLibraryQuery.safeParse(input).success).toBe(false)
  })
  it('accepts exactly 200 characters', () => {
    expect(searchLibraryQuery.safeParse({ q: '字'.repeat(200) }).success).toBe(true)
  })
})

describe('route params', () => {
  it('accepts dataset statute ids only', () => {
    expect(statuteIdParams.safeParse({ id: 'L67a404eb29-a0031' }).success).toBe(true)
    expect(statuteIdParams.safeParse({ id: 'L1f6f87cfc0-doc' }).success).toBe(true)
    expect(statuteIdParams.safeParse({ id: '1 OR 1=1' }).success).toBe(false)
  })
  it('accepts slugs only', () => {
    expect(caseSlugParams.safeParse({ slug: 'employer-not-paying-social-insurance' }).success).toBe(true)
    expect(caseSlugParams.safeParse({ slug: '../etc/passwd' }).success).toBe(false)
  })
})
