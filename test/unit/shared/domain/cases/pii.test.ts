import { describe, expect, it } from 'vitest'
import { findPii, idNumberCheckChar, isValidChineseIdNumber, toHalfwidth } from '#shared/domain/cases/pii'

const NOW = new Date('2025-06-01T00:00:00Z')

/** Builds a checksum-valid 18-character ID number from a 17-digit body. */
const withCheck = (body: string) => body + idNumberCheckChar(body)

// 640104 = 银川市兴庆区 area code; synthetic bodies, not real people.
const VALID_ID = withCheck('64010419900307123')
const X_BODY = (() => {
  for (let seq = 100; seq < 1000; seq++) {
    const body = `64010619850714${seq}`
    if (idNumberCheckChar(body) === 'X') return body
  }
  throw new Error('no X body found')
})()

const kinds = (text: string) => findPii(text, NOW).map(f => [f.kind, text.slice(f.index, f.index + f.length)])

describe('isValidChineseIdNumber', () => {
  it('accepts an 18-character number with the right MOD 11-2 check digit', () => {
    expect(VALID_ID).toHaveLength(18)
    expect(isValidChineseIdNumber(VALID_ID, NOW)).toBe(true)
  })

  it('rejects a wrong check digit', () => {
    const wrong = VALID_ID.slice(0, 17) + ((Number(VALID_ID[17]) + 1) % 10)
    expect(isValidChineseIdNumber(wrong, NOW)).toBe(false)
  })

  it('accepts an X check character in either case', () => {
    expect(isValidChineseIdNumber(`${X_BODY}X`, NOW)).toBe(true)
    expect(isValidChineseIdNumber(`${X_BODY}x`, NOW)).toBe(true)
    expect(isValidChineseIdNumber(`${X_BODY}0`, NOW)).toBe(false)
  })

  it('accepts fullwidth digits', () => {
    const fullwidth = VALID_ID.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect(fullwidth).not.toBe(VALID_ID)
    expect(isValidChineseIdNumber(fullwidth, NOW)).toBe(true)
  })

  it('rejects implausible birth dates and unknown province codes', () => {
    expect(isValidChineseIdNumber(withCheck('64010419900230123'), NOW)).toBe(false) // 30 Feb
    expect(isValidChineseIdNumber(withCheck('64010418800101123'), NOW)).toBe(false) // before 1900
    expect(isValidChineseIdNumber(withCheck('64010420300101123'), NOW)).toBe(false) // in the future
    expect(isValidChineseIdNumber(withCheck('99010419900307123'), NOW)).toBe(false) // no province 99
  })

  it('accepts a 15-digit old-style number with a plausible date and rejects a bad one', () => {
    expect(isValidChineseIdNumber('640104900307123', NOW)).toBe(true)
    expect(isValidChineseIdNumber('640104901332123', NOW)).toBe(false)
  })

  it('rejects wrong lengths and non-strings (ID numbers are never numbers)', () => {
    expect(isValidChineseIdNumber(VALID_ID.slice(0, 17), NOW)).toBe(false)
    expect(isValidChineseIdNumber(`${VALID_ID}1`, NOW)).toBe(false)
    expect(isValidChineseIdNumber(Number(VALID_ID.slice(0, 15)) as unknown as string, NOW)).toBe(false)
  })

  it('computes the GB 11643 check character for a published example body', () => {
    // Example from GB 11643-1999 annex: 11010519491231002 → X
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
  })
})

describe('findPii', () => {
  it('finds a valid ID number in prose and reports its position', () => {
    const text = `申请人身份证号${VALID_ID}，已核验。`
    const [hit] = findPii(text, NOW)
    expect(hit).toEqual({ kind: 'id_number', index: 7, length: 18 })
  })

  it('finds ID numbers written with fullwidth digits or grouped with spaces', () => {
    const fullwidth = VALID_ID.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect(kinds(`号码：${fullwidth}`)).toEqual([['id_number', fullwidth]])
    const spaced = `${VALID_ID.slice(0, 6)} ${VALID_ID.slice(6, 14)} ${VALID_ID.slice(14)}`
    expect(kinds(`号码 ${spaced} 。`)).toEqual([['id_number', spaced]])
  })

  it('ignores an 18-digit run whose checksum is wrong', () => {
    const wrong = VALID_ID.slice(0, 17) + ((Number(VALID_ID[17]) + 1) % 10)
    expect(findPii(`订单号${wrong}`, NOW).filter(f => f.kind === 'id_number')).toEqual([])
  })

  it('finds 15-digit old-style ID numbers', () => {
    expect(kinds('旧身份证640104900307123')).toEqual([['id_number', '640104900307123']])
  })

  it('finds mobile numbers plain, with spaces or dashes, and with +86', () => {
    expect(kinds('电话13812345678')).toEqual([['phone', '13812345678']])
    expect(kinds('电话 138 1234 5678 ')).toEqual([['phone', '138 1234 5678']])
    expect(kinds('电话138-1234-5678')).toEqual([['phone', '138-1234-5678']])
    expect(kinds('电话+86 139-1234-5678')).toEqual([['phone', '+86 139-1234-5678']])
    expect(kinds('电话+8613912345678')).toEqual([['phone', '+8613912345678']])
    expect(kinds('电话１３９１２３４５６７８')).toEqual([['phone', '１３９１２３４５６７８']])
  })

  it('does not take 12-digit runs or numbers starting 12 for mobiles', () => {
    expect(findPii('编号138123456789', NOW).filter(f => f.kind === 'phone')).toEqual([])
    expect(findPii('编号12812345678', NOW).filter(f => f.kind === 'phone')).toEqual([])
  })

  it('finds landlines with an area code', () => {
    expect(kinds('座机0951-5012345')).toEqual([['landline', '0951-5012345']])
    expect(kinds('座机（0951）5012345')).toEqual([['landline', '（0951）5012345']])
    expect(kinds('座机 010 87654321 ')).toEqual([['landline', '010 87654321']])
  })

  it('leaves service numbers, amounts and dates alone', () => {
    expect(findPii('请拨打12348公共法律服务热线或12315，赔偿766911.55元，共10003263.83元，2024年3月18日。', NOW)).toEqual([])
  })

  it('finds e-mail addresses', () => {
    expect(kinds('邮箱 someone@example.com')).toEqual([['email', 'someone@example.com']])
  })

  it('flags real-looking full names but not anonymised forms', () => {
    expect(kinds('原告张伟，被告李某某。')).toEqual([['name', '张伟']])
    expect(kinds('当事人：欧阳明华。')).toEqual([['name', '欧阳明华']])
    expect(kinds('刘德华先生到场')).toEqual([['name', '刘德华']])
    expect(kinds('丈夫王某、妻子李某甲、老人赵某，韩先生和申请人向法院起诉。')).toEqual([])
  })

  it('returns findings in text order without overlaps', () => {
    const text = `原告陈明，电话13812345678，身份证${VALID_ID}`
    expect(findPii(text, NOW).map(f => f.kind)).toEqual(['name', 'phone', 'id_number'])
  })
})

describe('toHalfwidth', () => {
  it('maps fullwidth characters one to one so indices are preserved', () => {
    const s = '电话：１３８－１２３４'
    expect(toHalfwidth(s)).toBe('电话:138-1234')
    expect(toHalfwidth(s)).toHaveLength(s.length)
  })
})
