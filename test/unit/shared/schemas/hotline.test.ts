import { describe, expect, it } from 'vitest'
import { withCheckChar } from '#shared/domain/applications/id-number'
import { callbackQueueQuery, logCallBody, SUMMARY_ID_MESSAGE } from '#shared/schemas/hotline'

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
