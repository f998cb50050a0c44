import { describe, expect, it } from 'vitest'
import { ageOn, checkIdNumber, idNumberMessages, normalizeIdNumberInput, withCheckChar } from '#shared/domain/applications/id-number'
import { canonicalPhone, phoneKind } from '#shared/domain/applications/phone'
import { maskIdNumber, maskName, maskPhone } from '#shared/domain/applications/mask'

const now = new Date('2026-11-28T12:00:00Z')
const VALID = withCheckChar('64010419900101123') // 银川兴庆区, born 1990-01-01

/** A valid number ending in X (searches the sequence digits for one). */
function validWithX(): string {
  for (let i = 100; i < 999; i++) {
    const id = withCheckChar(`64010419850615${i}`)
    if (id.endsWith('X')) return id
  }
  throw new Error('no X found')
}

describe('checkIdNumber (GB 11643 MOD 11-2)', () => {
  it('accepts a valid 18-character number and returns the birth date', () => {
    expect(checkIdNumber(VALID, now)).toEqual({ ok: true, birthDate: '1990-01-01' })
  })
  it('accepts a check character X', () => {
    const x = validWithX()
    expect(checkIdNumber(x, now).ok).toBe(true)
  })
  it.each([
    ['wrong checksum', VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0'), 'checksum'],
    ['fullwidth digits', VALID.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), 'fullwidth'],
    ['15-digit old number', '640104900101123', 'old_15_digit'],
    ['future birth date', withCheckChar('64010420271231123'), 'future_birth_date'],
    ['impossible birth date', withCheckChar('64010419900231123'), 'birth_date'],
    ['unknown region', withCheckChar('99010419900101123'), 'region'],
    ['letters', '64010419900101123A', 'format'],
    ['too short', '6401041990', 'format'],
    ['lower-case x (not normalised)', validWithX().slice(0, 17) + 'x', 'format'],
  ])('refuses %s', (_name, value, problem) => {
    const r = checkIdNumber(value, now)
    expect(r.ok).toBe(false)
    expect(r.problem).toBe(problem)
    expect(idNumberMessages[r.problem!]).toMatch(/[\u4e00-\u9fff]/)
  })
  it('refuses numbers: an ID number is always a string', () => {
    expect(checkIdNumber(Number('640104199001011234') as unknown, now).problem).toBe('not_string')
  })
  it('born today is valid, born tomorrow (Shanghai calendar) is not', () => {
    expect(checkIdNumber(withCheckChar('64010420261128123'), now).ok).toBe(true)
    expect(checkIdNumber(withCheckChar('64010420261129123'), now).problem).toBe('future_birth_date')
  })
  it('the form normalises fullwidth input explicitly before it is checked', () => {
    const full = VALID.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect(normalizeIdNumberInput(full)).toBe(VALID)
    expect(normalizeIdNumberInput('640104 19900101 123x')).toBe('64010419900101123X')
  })
  it('computes full years of age', () => {
    expect(ageOn('2012-11-29', '2026-11-28')).toBe(13)
    expect(ageOn('2012-11-28', '2026-11-28')).toBe(14)
  })
})

describe('phones', () => {
  it.each([
    ['13812345678', '13812345678', 'mobile'],
    ['+86 138 1234 5678', '13812345678', 'mobile'],
    ['138-1234-5678', '13812345678', 'mobile'],
    ['0951-1234567', '09511234567', 'landline'],
    ['(0951) 12345678', '095112345678', 'landline'],
    ['+86 951 1234567', '09511234567', 'landline'],
  ])('%s → %s (%s)', (raw, canonical, kind) => {
    expect(canonicalPhone(raw)).toBe(canonical)
    expect(phoneKind(canonicalPhone(raw))).toBe(kind)
  })
  it.each(['12345678901', '1381234567', '110', '0951-123'])('refuses %s', (raw) => {
    expect(phoneKind(canonicalPhone(raw))).toBeUndefined()
  })
})

describe('masks', () => {
  it('masks ID numbers, phones and names', () => {
    expect(maskIdNumber('64010419850615123X')).toBe('6401**********123X')
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('09511234567')).toBe('0951****567')
    expect(maskName('张三')).toBe('张*')
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('欧阳娜娜')).toBe('欧阳**')
    expect(maskName('李')).toBe('李*')
  })
})
