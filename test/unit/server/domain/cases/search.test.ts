import { describe, expect, it } from 'vitest'
import { fuseCases, queryKind, rankPage, searchLibrary, type LibrarySearchDeps } from '~~/server/domain/cases/search'
import { StatuteRankerBuilder } from '~~/server/domain/search/statute-ranker'
import { rewriteQuery } from '~~/server/domain/search/query'

const c = (id: string, statuteIds: string[] = []) => ({ id, statuteIds })

describe('fuseCases', () => {
  it('keeps the engine order when no case cites a top article', () => {
    expect(fuseCases([c('a'), c('b'), c('c')], [], ['S1']).map(x => x.id)).toEqual(['a', 'b', 'c'])
  })

  it('lifts a case that cites the best articles above word matches, and adds cases only the links found', () => {
    const out = fuseCases([c('a'), c('b', ['S2'])], [c('b', ['S2']), c('x', ['S1', 'S2'])], ['S1', 'S2', 'S3'])
    // x cites the two best articles (1/11 + 1/12); b matches words second and cites the second (1/12 + 1/12)
    expect(out.map(x => x.id)).toEqual(['x', 'b', 'a'])
    // no duplicates, citations counted once per article
    expect(fuseCases([c('a', ['S1', 'S1'])], [c('a', ['S1'])], ['S1']).map(x => x.id)).toEqual(['a'])
  })

  it('ignores citations outside the top articles and malformed ones', () => {
    const out = fuseCases([c('a'), { id: 'b', statuteIds: 'S1' }], [c('z', ['S9'])], ['S1'])
    expect(out.map(x => x.id)).toEqual(['a', 'b', 'z'])
  })
})

describe('queryKind', () => {
  it.each([
    ['老板拖欠工资怎么办', 'ok'], ['民法典1079条', 'ok'], ['category = "劳动争议"', 'ok'],
    ['12345', 'nothing'], ['？？？!!!', 'nothing'], ['1 OR 1=1', 'latin'], ['  ', 'nothing'], ['*', 'nothing'],
    ['unpaid wages', 'latin'], ['laodong hetong', 'latin'], ['id > 3 AND x', 'latin'],
  ])('%s → %s', (q, kind) => expect(queryKind(q)).toBe(kind))
})

describe('searchLibrary with nothing to search', () => {
  const never = () => { throw new Error('must not be called') }
  const deps = {
    port: { multiSearch: never }, uids: { statutes: 's', cases: 'c' }, lexicon: { entries: [] },
    fallback: { statutes: never, cases: never }, tags: { pre: '<mark>', post: '</mark>' },
  } as unknown as LibrarySearchDeps

  it('answers digits and punctuation with help, not filler articles', async () => {
    const r = await searchLibrary(deps, { q: '123 456', page: 1, limit: 10 })
    expect(r.statutes.hits).toEqual([])
    expect(r.cases.hits).toEqual([])
    expect(r.notice?.code).toBe('NOTHING_TO_SEARCH')
    expect(r.notice?.message).toContain('12348')
  })

  it('answers English or pinyin in Chinese, suggesting wording and 12348', async () => {
    const r = await searchLibrary(deps, { q: 'laoban bu gei gongzi', page: 1, limit: 10 })
    expect(r.notice?.code).toBe('NOT_CHINESE')
    expect(r.notice?.message).toMatch(/中文.*12348/)
  })
})

describe('rankPage with citations', () => {
  const b = new StatuteRankerBuilder()
  const law = '中华人民共和国劳动合同法'
  b.add({ id: 'L1-a0010', law_id: 'L1', law_title: law, law_short_title: '劳动合同法', level: '法律', law_tier: 0, is_latest: true, region: null, text: '建立劳动关系，应当订立书面劳动合同。', article_no: 10, article_label: '第十条' })
  b.add({ id: 'L1-a0082', law_id: 'L1', law_title: law, law_short_title: '劳动合同法', level: '法律', law_tier: 0, is_latest: true, region: null, text: '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。', article_no: 82, article_label: '第八十二条' })
  b.add({ id: 'L2-a0001', law_id: 'L2', law_title: '中华人民共和国测试法', level: '法律', law_tier: 1, is_latest: true, region: null, text: '劳动合同法第八十二条所称书面劳动合同。', article_no: 1, article_label: '第一条' })
  const r = { ranker: b.build(), knowledge: null }
  const lex = { entries: [] }

  it('puts the cited article first', () => {
    for (const q of ['劳动合同法第八十二条', '劳动合同法82条', '中华人民共和国劳动合同法第八十二条'])
      expect(rankPage(r, rewriteQuery(q, lex), 0, 10, q).page[0], q).toBe('L1-a0082')
  })

  it('lists a named law in order when only its name is typed', () => {
    expect(rankPage(r, rewriteQuery('劳动合同法', lex), 0, 10, '劳动合同法')).toEqual({ page: ['L1-a0010', 'L1-a0082'], top: ['L1-a0010', 'L1-a0082'], total: 2 })
  })
})
