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
    const out = fuseCases([c('a'), c('b', ['S2'])], [c('b', ['S2']), c('x', ['S1', 'S2'])], ['S1', 'S2', 'S3'], 10, 'sum')
    // summed: x cites the two best articles (1/11 + 1/12); b matches words second and cites the second (1/12 + 1/12)
    expect(out.map(x => x.id)).toEqual(['x', 'b', 'a'])
    // no duplicates, citations counted once per article
    expect(fuseCases([c('a', ['S1', 'S1'])], [c('a', ['S1'])], ['S1']).map(x => x.id)).toEqual(['a'])
  })

  it('normalises a case\'s citations by their number (bm25): one precise citation beats a long list of the law', () => {
    const many = c('many', ['S2', 'S3', 'S4', 'X1', 'X2', 'X3', 'X4', 'X5'])
    const one = c('one', ['S1'])
    const top = ['S1', 'S2', 'S3', 'S4']
    // summed, the case citing three of the best four articles comes first (1/12 + 1/13 + 1/14 > 1/11)
    expect(fuseCases([], [many, one], top, 10, 'sum').map(x => x.id)).toEqual(['many', 'one'])
    // divided by 1 - b + b * 8/4.5 and 1 - b + b * 1/4.5 (b = 0.75), the precise citation comes first
    expect(fuseCases([], [many, one], top, 10, 'bm25').map(x => x.id)).toEqual(['one', 'many'])
    expect(fuseCases([], [many, one], top, 10, 'max').map(x => x.id)).toEqual(['one', 'many'])
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
    expect(rankPage(r, rewriteQuery('劳动合同法', lex), 0, 10, '劳动合同法')).toEqual({ page: ['L1-a0010', 'L1-a0082'], top: ['L1-a0010', 'L1-a0082'], total: 2, more: false, weak: false })
  })
})

describe('searchLibrary case list: weak-match cut-off and facet counts of the list itself', () => {
  // a fake engine: round trip 1 answers the word match (with ranking scores) and the library's
  // citations; round trip 2 answers the pages by id
  const library = [
    { id: 'strong', slug: 'strong', title: '欠薪案', category: '劳动争议', groups: ['migrant_worker'], statuteIds: [], summary: '拖欠工资', _rankingScore: 0.9 },
    { id: 'second', slug: 'second', title: '加班费案', category: '劳动争议', groups: [], statuteIds: [], summary: '加班工资', _rankingScore: 0.8 },
    { id: 'weak', slug: 'weak', title: '租房案', category: '合同纠纷', groups: ['elderly'], statuteIds: [], summary: '房租拖了', _rankingScore: 0.05 },
  ]
  const engine = (filter?: (h: typeof library[number]) => boolean) => ({
    multiSearch: async ({ queries }: { queries: Array<{ q: string, filter?: string | string[] }> }) => ({
      results: queries.map((x) => {
        const ids = /id IN \[(.*)\]/.exec(String(x.filter ?? ''))?.[1]
        const hits = ids ? library.filter(h => ids.includes(`"${h.id}"`)) : library.filter(h => !filter || filter(h))
        return { hits }
      }),
    }),
  })
  const deps = (port: ReturnType<typeof engine>) => ({
    port, uids: { statutes: 's', cases: 'c' }, lexicon: { entries: [] }, ranker: null,
    fallback: { statutes: async () => ({ rows: [], total: 0 }), cases: async () => { throw new Error('no') } }, tags: { pre: '<mark>', post: '</mark>' },
  }) as unknown as LibrarySearchDeps

  it('leaves a weak word match out of the list and out of the counts', async () => {
    const r = await searchLibrary(deps(engine()), { q: '拖欠工资', page: 1, limit: 10 })
    expect(r.cases.hits.map(h => h.id)).toEqual(['strong', 'second'])
    expect(r.cases.total).toBe(2)
    expect(r.cases.facets).toEqual({ category: { 劳动争议: 2 }, groups: { migrant_worker: 1 } })
    // the same weak match is listed when nothing is asked (browsing the library)
    expect((await searchLibrary(deps(engine()), { q: '', page: 1, limit: 10 })).cases.total).toBe(3)
  })

  it('counts per category what filtering by that category lists', async () => {
    const all = await searchLibrary(deps(engine()), { q: '拖欠工资', page: 1, limit: 10 })
    const one = await searchLibrary(deps(engine(h => h.category === '劳动争议')), { q: '拖欠工资', category: '劳动争议', page: 1, limit: 10 })
    expect(one.cases.total).toBe(all.cases.facets.category['劳动争议'])
    expect(one.cases.hits).toHaveLength(2)
  })
})

describe('weak-match cut-off for articles', () => {
  const b = new StatuteRankerBuilder()
  b.add({ id: 'L1-a0030', law_id: 'L1', law_title: '中华人民共和国劳动合同法', level: '法律', law_tier: 0, is_latest: true, region: null, text: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。', article_no: 30, article_label: '第三十条' })
  b.add({ id: 'L1-a0031', law_id: 'L1', law_title: '中华人民共和国劳动合同法', level: '法律', law_tier: 0, is_latest: true, region: null, text: '用人单位应当严格执行劳动定额标准，不得强迫或者变相强迫劳动者加班。', article_no: 31, article_label: '第三十一条' })
  const r = { ranker: b.build(), knowledge: null }
  const lex = { entries: [] }

  it('keeps articles that hold most of the question and drops those that share a character or two', () => {
    const good = rankPage(r, rewriteQuery('用人单位不及时支付劳动报酬', lex), 0, 10, '用人单位不及时支付劳动报酬')
    expect(good.weak).toBe(false)
    expect(good.page[0]).toBe('L1-a0030')
    const weak = rankPage(r, rewriteQuery('红烧肉怎么做才好吃', lex), 0, 10, '红烧肉怎么做才好吃')
    expect(weak).toEqual({ page: [], top: [], total: 0, more: false, weak: true })
    // a citation is never weak
    expect(rankPage(r, rewriteQuery('劳动合同法第三十条', lex), 0, 10, '劳动合同法第三十条').weak).toBe(false)
  })

  it('answers a weak match with a Chinese notice offering 12348 and the questionnaire, and lists nothing', async () => {
    const port = { multiSearch: async ({ queries }: { queries: unknown[] }) => ({ results: queries.map(() => ({ hits: [] })) }) }
    const deps = {
      port, uids: { statutes: 's', cases: 'c' }, lexicon: lex, ranker: r,
      fallback: { statutes: async () => ({ rows: [], total: 0 }), cases: async () => { throw new Error('no') } }, tags: { pre: '<mark>', post: '</mark>' },
    } as unknown as LibrarySearchDeps
    const res = await searchLibrary(deps, { q: '红烧肉怎么做才好吃', page: 1, limit: 10 })
    expect(res.statutes.hits).toEqual([])
    expect(res.notice?.code).toBe('WEAK_MATCH')
    expect(res.notice?.message).toMatch(/12348.*自测问卷/)
  })
})
