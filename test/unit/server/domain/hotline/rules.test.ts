import { describe, expect, it } from 'vitest'
import { DomainError } from '~~/server/domain/errors'
import { assertClosable, callReference, checkOutcome } from '~~/server/domain/hotline/rules'
import * as rules from '~~/server/domain/hotline/rules'

const codeOf = (fn: () => void) => {
  try { fn() } catch (e) { return e instanceof DomainError ? e.code : String(e) }
  return undefined
}
const WIN = '8f7c2d64-5b1e-4d3a-9c6f-0a1b2c3d4e5f'
const SP = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d'

describe('hotline outcome rules', () => {
  it('a callback needs the caller phone and a window', () => {
    expect(codeOf(() => checkOutcome({ outcome: 'callback_booked', callbackWindowId: WIN }))).toBe('CALLBACK_PHONE_REQUIRED')
    expect(codeOf(() => checkOutcome({ outcome: 'callback_booked', callerPhone: '13912345678' }))).toBe('CALLBACK_WINDOW_REQUIRED')
    expect(codeOf(() => checkOutcome({ outcome: 'callback_booked', callerPhone: '13912345678', callbackWindowId: WIN }))).toBeUndefined()
  })
  it('a referral needs a service point; other outcomes carry neither window nor point', () => {
    expect(codeOf(() => checkOutcome({ outcome: 'referred_service_point' }))).toBe('SERVICE_POINT_REQUIRED')
    expect(codeOf(() => checkOutcome({ outcome: 'referred_service_point', servicePointId: SP }))).toBeUndefined()
    expect(codeOf(() => checkOutcome({ outcome: 'answered', callbackWindowId: WIN }))).toBe('OUTCOME_MISMATCH')
    expect(codeOf(() => checkOutcome({ outcome: 'answered', servicePointId: SP }))).toBe('OUTCOME_MISMATCH')
    expect(codeOf(() => checkOutcome({ outcome: 'answered' }))).toBeUndefined()
  })
})

describe('references and closing', () => {
  it('reference RX-<year>-<6 unambiguous characters>', () => {
    expect(callReference(new Date('2026-12-31T17:00:00Z'), () => 0)).toBe('RX-2027-222222')
    expect(callReference(new Date())).toMatch(/^RX-\d{4}-[2-9A-HJ-NP-Z]{6}$/)
  })
  it('only a booked callback can be closed', () => {
    expect(codeOf(() => assertClosable('booked'))).toBeUndefined()
    expect(codeOf(() => assertClosable('done'))).toBe('CALLBACK_NOT_OPEN')
  })
})

describe('edits, restricted topics and handlers', () => {
  it('an edit cannot switch the callback outcome on or off; a referral needs its point', () => {
    expect(() => rules.checkOutcomeChange('answered', { outcome: 'callback_booked' })).toThrow(expect.objectContaining({ code: 'OUTCOME_MISMATCH' }))
    expect(() => rules.checkOutcomeChange('callback_booked', { outcome: 'answered' })).toThrow(expect.objectContaining({ code: 'OUTCOME_MISMATCH' }))
    expect(() => rules.checkOutcomeChange('callback_booked', { outcome: 'callback_booked' })).not.toThrow()
    expect(() => rules.checkOutcomeChange('answered', { outcome: 'referred_service_point' })).toThrow(expect.objectContaining({ code: 'SERVICE_POINT_REQUIRED' }))
    expect(() => rules.checkOutcomeChange('answered', { outcome: 'transferred', servicePointId: 'x' })).toThrow(expect.objectContaining({ code: 'OUTCOME_MISMATCH' }))
    expect(() => rules.checkOutcomeChange('answered', { outcome: 'call_dropped' })).not.toThrow()
  })

  it('names the changed fields only, never the values', () => {
    expect(rules.changedFields({ summary: 'a', urgent: false, callerGroups: ['elderly'] }, { summary: 'b', urgent: false, callerGroups: ['elderly'], updatedBy: 'u' })).toEqual(['summary'])
  })

  it('家庭暴力 records are for the staff handling them', () => {
    expect(rules.isRestrictedTopic('家庭暴力')).toBe(true)
    expect(rules.isRestrictedTopic('劳动争议')).toBe(false)
    expect(rules.isHandler('a', 'a', null)).toBe(true)
    expect(rules.isHandler('b', 'a', 'b')).toBe(true)
    expect(rules.isHandler('c', 'a', 'b')).toBe(false)
    // A callback the resident booked on the site has no call (no operator): only its handler.
    expect(rules.isHandler('c', null, null)).toBe(false)
    expect(rules.isHandler('c', null, 'c')).toBe(true)
  })
})
