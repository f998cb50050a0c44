import { describe, expect, it } from 'vitest'
import { matterCodes } from '#shared/schemas/eligibility'
import { isSensitiveMatter, matterWordFor, matterWordFromQuery, matterWords } from '#shared/domain/eligibility/matter-words'

describe('matters in the resident\'s words', () => {
  it('names every matter of the law at least once, and the words the issue lists', () => {
    for (const m of matterCodes) expect(matterWordFor(m), m).toBeDefined()
    const labels = matterWords.map(w => w.label).join(' ')
    for (const w of ['离婚', '家暴', '工资', '工伤', '交通事故', '养老', '赡养', '借钱不还', '被打', '伤害', '被抓', '被起诉']) expect(labels).toContain(w)
  })

  it('uses neutral, unique codes in URLs', () => {
    const codes = matterWords.map(w => w.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of codes) expect(c).toMatch(/^m\d{2}$/)
  })

  it('reads old links with a matter code and new ones with a neutral code', () => {
    expect(matterWordFromQuery('abuse_or_domestic_violence')?.code).toBe('m03')
    expect(matterWordFromQuery('m03')?.matter).toBe('abuse_or_domestic_violence')
    expect(matterWordFromQuery('nonsense')).toBeUndefined()
    expect(matterWordFromQuery(['m03'])).toBeUndefined()
  })

  it('keeps the domestic-violence path discreet', () => {
    expect(isSensitiveMatter('abuse_or_domestic_violence')).toBe(true)
    expect(isSensitiveMatter('labor_remuneration')).toBe(false)
  })
})
