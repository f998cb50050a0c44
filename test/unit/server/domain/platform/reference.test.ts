import { describe, expect, it } from 'vitest'
import { randomReferenceChars, REFERENCE_ALPHABET, yearReference } from '~~/server/domain/platform/reference'
import { sameHash } from '~~/server/domain/platform/proof'
import { callReference } from '~~/server/domain/hotline/rules'
import { appointmentReference } from '~~/server/domain/appointments/rules'
import { newReference } from '~~/server/domain/legal-aid/reference'

describe('reference codes', () => {
  it('draw from 32 characters without 0/O and 1/I', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(32)
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OI]/)
    expect(randomReferenceChars(8)).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(randomReferenceChars(3, () => 31)).toBe('ZZZ')
  })
  it('carry the Beijing year of the instant', () => {
    expect(yearReference('RX', new Date('2026-12-31T16:00:00Z'), 6, () => 0)).toBe('RX-2027-222222')
    expect(yearReference('YY', new Date('2026-12-31T15:59:59Z'), 4, () => 1)).toBe('YY-2026-3333')
  })
  it('every area uses the one generator', () => {
    const now = new Date('2026-06-01T00:00:00Z')
    expect(callReference(now, () => 0)).toBe('RX-2026-222222')
    expect(appointmentReference(now, () => 0)).toBe('YY-2026-222222')
    expect(newReference('2026', 123, () => 0)).toBe('YCFY-2026-000123-22222')
  })
})

describe('proof helpers', () => {
  it('compares hashes in full', () => {
    expect(sameHash('abc', 'abc')).toBe(true)
    expect(sameHash('abc', 'abd')).toBe(false)
    expect(sameHash('abc', 'abcd')).toBe(false)
  })
})
