import { describe, expect, it } from 'vitest'
import { rrf, limitWords, buildSubQueries, rewriteQuery, searchStatutes, DEFAULT_TUNING, type PortQuery, type StatuteSearchPort } from '../../../../../server/domain/search/statute-search'
import { toStatuteDoc, lawTier, statuteIndexSettings } from '../../../../../server/domain/search/statute-doc'

describe('rrf', () => {
  it('rewards ids ranked high in several lists', () => {
    const out = rrf([{ ids: ['a', 'b', 'c'] }, { ids: ['b', 'c', 'a'] }, { ids: ['b'] }])
    expect(out[0]!.id).toBe('b')
  })
  it('respects list weights', () => {
    expect(rrf([{ ids: ['a'], weight: 1 }, { ids: ['b'], weight: 3 }])[0]!.id).toBe('b')
  })
})

describe('query building', () => {
  it('keeps at most 10 unique words (Meilisearch reads only the first 10)', () => {
    expect(limitWords(['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])
  })
  it('adds legal-term sub-queries only when the lexicon matched', () => {
    const lex = { entries: [{ id: 'x', colloquial: ['房东'], legal: ['出租人'], kind: 'synonym' as const, status: 'approved' as const }] }
    expect(buildSubQueries(rewriteQuery('房东不退押金', lex), DEFAULT_TUNING).some(s => s.q.startsWith('出租人'))).toBe(true)
    expect(buildSubQueries(rewriteQuery('押金不退', lex), DEFAULT_TUNING).some(s => s.name === 'legalOnly')).toBe(false)
  })
})

describe('searchStatutes', () => {
  const hit = (id: string, law = 'L1') => ({ id, law_id: law, law_title: 't', level: '法律', article_label: '第一条', text: 'x' })
  it('fuses the port results, passes the caller filter and pages', async () => {
    const seen: PortQuery[] = []
    const port: StatuteSearchPort = {
      async multiSearch({ queries }) {
        seen.push(...queries)
        return { results: queries.map((_, i) => ({ hits: i === 0 ? [hit('a'), hit('b')] : [hit('b')], estimatedTotalHits: 2 })) }
      },
    }
    const r = await searchStatutes(port, '房东不退押金怎么办', { lexicon: { entries: [] }, limit: 2, filter: 'level = "法律"' })
    expect(r.hits.map(h => h.id)).toEqual(['b', 'a'])
    expect(seen.every(q => String(q.filter).includes('level = "法律"'))).toBe(true)
    const page2 = await searchStatutes(port, '房东不退押金怎么办', { lexicon: { entries: [] }, limit: 1, offset: 1 })
    expect(page2.hits.map(h => h.id)).toEqual(['a'])
  })
  it('returns nothing for an empty question without calling Meilisearch', async () => {
    const port: StatuteSearchPort = { multiSearch: async () => { throw new Error('should not be called') } }
    expect(await searchStatutes(port, '？？请问', { lexicon: { entries: [] } })).toEqual({ hits: [], total: 0 })
  })
})

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
  })
})
