import { describe, expect, it } from 'vitest'
import { toStatuteDoc, lawTier, statuteIndexSettings } from '~~/server/domain/search/statute-doc'

describe('statute documents', () => {
  const rec = { id: 'L1-a0001', law_id: 'L1', law_title: '中华人民共和国民法典', law_short_title: '民法典', part: '总则编', level: '法律', category: '民法典', region: null, version_date: '2021-01-01', is_latest: true, chapter_path: ['第一章 基本规定'], article_no: 1, article_label: '第一条', text: '为了保护民事主体的合法权益' }
  it('maps a record and ranks national core law first', () => {
    const d = toStatuteDoc(rec)
    expect(d.chapter).toBe('第一章 基本规定')
    expect(d.law_tier).toBe(0)
    expect(lawTier({ ...rec, law_title: '某省条例', level: '地方性法规' })).toBeGreaterThan(lawTier({ ...rec, law_title: '某条例', level: '行政法规' }))
    expect(lawTier({ ...rec, law_title: '中华人民共和国刑法修正案（十一）' })).toBe(7)
  })
  it('settings filter on the required attributes and disable typos', () => {
    const s = statuteIndexSettings([])
    expect(s.filterableAttributes).toEqual(expect.arrayContaining(['level', 'law_id', 'category', 'region', 'is_latest']))
    expect(s.typoTolerance.enabled).toBe(false)
    expect(s.rankingRules[0]).toBe('words')
    // the page of ranked articles is read by id
    expect(s.filterableAttributes).toContain('id')
  })
})
