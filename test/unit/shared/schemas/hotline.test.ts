import { describe, expect, it } from 'vitest'
import { withCheckChar } from '#shared/domain/applications/id-number'
import { callbackQueueQuery, callLinkBody, logCallBody, logCallFormValues, SUMMARY_ID_MESSAGE } from '#shared/schemas/hotline'

const base = { topic: '劳动争议', summary: '来电人反映工地拖欠工资三个月。', outcome: 'answered' }

describe('logCallBody', () => {
  it('accepts an anonymous call and canonicalises a phone', () => {
    expect(logCallBody.parse(base).callerPhone).toBeUndefined()
    expect(logCallBody.parse({ ...base, callerPhone: '0951-1234567' }).callerPhone).toBe('09511234567')
  })
  it('refuses an ID number in the summary, also fullwidth, but not other digits', () => {
    const id = withCheckChar('64010419900101123')
    const r = logCallBody.safeParse({ ...base, summary: `身份证 ${id} 来电` })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toBe(SUMMARY_ID_MESSAGE)
    const wide = id.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect(logCallBody.safeParse({ ...base, summary: `号码${wide}` }).success).toBe(false)
    expect(logCallBody.safeParse({ ...base, summary: '欠薪 180000 元，共 12 人' }).success).toBe(true)
  })
  it('refuses unknown topics, outcomes, groups, bad phones, long summaries and extra keys', () => {
    for (const bad of [
      { ...base, topic: '其他' }, { ...base, outcome: 'Ignored!' }, { ...base, outcome: '' }, { ...base, interpreter: 'klingon' }, { ...base, callerGroups: ['rich'] },
      { ...base, callerPhone: '12345' }, { ...base, summary: '字'.repeat(2001) }, { ...base, idNumber: 'x' },
    ]) expect(logCallBody.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false)
  })
  it('deduplicates caller groups', () => {
    expect(logCallBody.parse({ ...base, callerGroups: ['elderly', 'elderly', 'disabled'] }).callerGroups).toEqual(['elderly', 'disabled'])
  })
})

describe('callbackQueueQuery', () => {
  it('an empty date means today; a malformed one is refused', () => {
    expect(callbackQueueQuery.parse({ date: '' }).date).toBeUndefined()
    expect(callbackQueueQuery.parse({ date: '2026-12-01' }).date).toBe('2026-12-01')
    expect(callbackQueueQuery.safeParse({ date: '2026-13-01' }).success).toBe(false)
  })
})

describe('the call form as a plain HTML form sends it', () => {
  const W = '8f7c2d64-5b1e-4d3a-9c6f-0a1b2c3d4e5f'
  const P = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d'
  it('reads checkboxes by presence, keeps only the select the outcome asks for, drops empty optional fields', () => {
    const v = logCallBody.parse(logCallFormValues({
      topic: ['工伤'], summary: ['摔伤'], callerGroups: ['elderly', 'disabled'], outcome: ['callback_booked'], callerPhone: ['13912345678'],
      callbackWindowId: [W], servicePointId: [P], unsafeCallback: ['on'], urgent: ['on'], interpreter: ['sign_language'],
    }))
    expect(v).toMatchObject({ callbackWindowId: W, urgent: true, safeToCallBack: false, discreet: false, toldOfLegalAidRight: false, interpreter: 'sign_language', callerGroups: ['elderly', 'disabled'] })
    expect(v.servicePointId).toBeUndefined()
    const plain = logCallBody.parse(logCallFormValues({ topic: ['工伤'], summary: ['摔伤'], outcome: ['answered'], callerPhone: [''], callbackWindowId: [W] }))
    expect(plain).toMatchObject({ safeToCallBack: true, urgent: false, callerGroups: [] })
    expect(plain.callerPhone).toBeUndefined()
    expect(plain.callbackWindowId).toBeUndefined()
    expect(logCallBody.safeParse(logCallFormValues({ summary: ['摔伤'], outcome: ['answered'] })).error?.issues[0]?.path).toEqual(['topic'])
  })
})

describe('callLinkBody (关联)', () => {
  it('takes a reference typed in either case as printed; refuses an empty, spaced or foreign one and unknown kinds', () => {
    expect(callLinkBody.parse({ kind: 'booking', reference: ' yy-2026-7kq2m9 ' })).toEqual({ kind: 'booking', reference: 'YY-2026-7KQ2M9' })
    expect(callLinkBody.safeParse({ kind: 'booking', reference: '' }).error?.issues[0]?.message).toBe('请填写编号')
    expect(callLinkBody.safeParse({ kind: 'booking', reference: 'YY 2026' }).error?.issues[0]?.message).toBe('编号只能包含字母、数字和 - _ . :')
    expect(callLinkBody.safeParse({ kind: 'booking', reference: 'YY-２０２６' }).success).toBe(false)
    expect(callLinkBody.safeParse({ kind: 'case', reference: 'YY-2026-7KQ2M9' }).error?.issues[0]?.message).toBe('请选择关联的类型')
  })
})
