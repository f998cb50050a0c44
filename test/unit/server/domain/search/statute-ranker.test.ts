import { describe, expect, it } from 'vitest'
import { KNOWLEDGE_SOURCE_WEIGHTS, KnownQuestionNeighbours, StatuteRankerBuilder, TIER_PRIOR, knowledgeWeight, TOTAL_CAP, expansionsByStatute, regionAliases, statutePrior, totalBound, type RankerStatute } from '~~/server/domain/search/statute-ranker'
import { rewriteQuery } from '~~/server/domain/search/query'

const art = (id: string, text: string, o: Partial<RankerStatute> = {}): RankerStatute => ({
  id, law_id: id.split('-')[0]!, law_title: '中华人民共和国测试法', level: '法律', law_tier: 1, is_latest: true, region: null, text, ...o,
})

const lexicon = { entries: [{ id: 'labor.boss', colloquial: ['老板'], legal: ['用人单位'], kind: 'synonym' as const, status: 'approved' as const }] }

function ranker(arts: RankerStatute[]) {
  const b = new StatuteRankerBuilder()
  for (const a of arts) b.add(a)
  return b.build()
}

const corpus = [
  art('L1-a0001', '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。'),
  art('L1-a0002', '用人单位应当依法为劳动者缴纳社会保险费。'),
  art('L2-a0001', '饲养的动物造成他人损害的，动物饲养人或者管理人应当承担侵权责任。'),
  art('L2-a0002', '承租人应当按照约定的方法使用租赁物。'),
  art('L3-a0001', '本办法所称劳动报酬，是指劳动者提供劳动应得的工资。', { level: '地方性法规', law_tier: 5, region: '宁夏回族自治区', law_title: '宁夏回族自治区测试条例' }),
]

describe('StatuteRanker', () => {
  it('never ranks an article that is not law in force (issue 11: 担保法解释 art. 115, repealed 2021-01-01)', () => {
    const b = new StatuteRankerBuilder({ known: [{ id: 'k1', question: '定金能不能双倍返还', statuteIds: ['Ldc5c46d6e3-a0115'] }] })
    expect(b.add(art('Ldc5c46d6e3-a0115', '收受定金的一方拒绝订立合同的，应当双倍返还定金。', { in_force: false }))).toBe(false)
    expect(b.add(art('L99f6ebe527-a0587', '收受定金的一方不履行债务，致使不能实现合同目的的，应当双倍返还定金。'))).toBe(true)
    const r = b.build()
    expect(r.size).toBe(1)
    expect(r.has('Ldc5c46d6e3-a0115')).toBe(false)
    const knowledge = new KnownQuestionNeighbours(r.index, [{ id: 'k1', question: '定金能不能双倍返还', statuteIds: ['Ldc5c46d6e3-a0115'] }])
    const ids = r.rank(rewriteQuery('定金双倍返还', { entries: [] }), knowledge, { depth: 10 }).ranked.map(x => x.id)
    expect(ids).toEqual(['L99f6ebe527-a0587'])
  })

  it('finds the article through the lexicon when the question uses everyday words', () => {
    const r = ranker(corpus)
    const without = r.rank(rewriteQuery('老板不发钱', { entries: [] }), null, { depth: 5 })
    const withLex = r.rank(rewriteQuery('老板不发钱', lexicon), null, { depth: 5 })
    expect(without.ranked.map(x => x.id)).not.toContain('L1-a0001')
    expect(withLex.ranked[0]!.id).toMatch(/^L1-/)
    expect(withLex.total).toBeGreaterThan(0)
  })

  it('ranks the article with the rarer shared words first', () => {
    const r = ranker(corpus)
    expect(r.rank(rewriteQuery('被狗咬了动物饲养人要赔吗', lexicon), null, { depth: 3 }).ranked[0]!.id).toBe('L2-a0001')
  })

  it('keeps local rules below national law unless the question names their region', () => {
    const r = ranker(corpus)
    const general = r.rank(rewriteQuery('劳动报酬是指什么工资', lexicon), null, { depth: 5 }).ranked.map(x => x.id)
    expect(general.indexOf('L3-a0001')).toBeGreaterThan(general.indexOf('L1-a0001'))
    expect(general.at(-1)).toBe('L3-a0001')
    const local = r.rank(rewriteQuery('宁夏劳动报酬是指什么工资', lexicon), null, { depth: 5 }).ranked.map(x => x.id)
    expect(local[0]).toBe('L3-a0001')
  })

  it('lifts the articles that similar known questions link, and leaves out excluded ones', () => {
    const r = ranker(corpus)
    const known = new KnownQuestionNeighbours(r.index, [
      { id: 'k1', question: '房东不让我养猫怎么办', statuteIds: ['L2-a0002'] },
      { id: 'k2', question: '工资被拖欠', statuteIds: ['L1-a0001'] },
      { id: 'k3', question: '没有链接的问题', statuteIds: [] },
    ])
    expect(known.size).toBe(2)
    const q = rewriteQuery('房东不让养猫', lexicon)
    expect(r.rank(q, null, { depth: 5 }).ranked.map(x => x.id)).not.toContain('L2-a0002')
    const lifted = r.rank(q, known, { depth: 5 })
    expect(lifted.ranked.map(x => x.id)).toContain('L2-a0002')
    expect(lifted.total).toBeGreaterThanOrEqual(1)
    expect(r.rank(q, known, { depth: 5, excludeKnown: id => id === 'k1' }).ranked.map(x => x.id)).not.toContain('L2-a0002')
    // links to articles the corpus does not hold are ignored
    const stray = new KnownQuestionNeighbours(r.index, [{ id: 'k4', question: '房东不让养猫', statuteIds: ['L9-a0009'] }])
    expect(r.rank(q, stray, { depth: 5 }).ranked.map(x => x.id)).not.toContain('L9-a0009')
  })

  it('expands articles with the known questions that link them', () => {
    const known = [{ id: 'k1', question: '房东不让我养猫', keywords: '宠物', statuteIds: ['L2-a0002', 'L2-a0002'] }]
    expect(expansionsByStatute(known).get('L2-a0002')).toEqual(['房东不让我养猫 宠物'])
    const b = new StatuteRankerBuilder({ known })
    for (const a of corpus) b.add(a)
    const q = rewriteQuery('猫', lexicon)
    expect(ranker(corpus).rank(q, null, { depth: 5 }).ranked).toEqual([])
    expect(b.build().rank(q, null, { depth: 5 }).ranked.map(x => x.id)).toEqual(['L2-a0002'])
  })

  it('the team\'s 常见问法 per article expand their article but are not similar questions (KNOWLEDGE_SOURCE_WEIGHTS)', () => {
    expect(KNOWLEDGE_SOURCE_WEIGHTS.faq).toEqual({ expansion: 2, neighbours: 0 })
    const known = [
      { id: 'faq-L2-a0002', source: 'faq', question: '房东不让我养猫', statuteIds: ['L2-a0002'] },
      { id: 'stard-1', source: 'stard', question: '单位拖欠劳动报酬', statuteIds: ['L1-a0001'] },
    ]
    const b = new StatuteRankerBuilder({ known })
    for (const a of corpus) b.add(a)
    const r = b.build()
    expect(r.rank(rewriteQuery('猫', lexicon), null, { depth: 5 }).ranked.map(x => x.id)).toEqual(['L2-a0002'])
    const neighbours = new KnownQuestionNeighbours(r.index, known)
    expect(neighbours.size).toBe(1)
    expect(neighbours.neighbours(r.queryTerms(rewriteQuery('房东不让我养猫', lexicon), 0), 5).map(n => n.id)).not.toContain('faq-L2-a0002')
  })

  it('weighs a source\'s expansion and similarity by its weight', () => {
    const known = [{ id: 'x-1', source: 'x', question: '猫', statuteIds: ['L2-a0002'] }, { id: 'y-1', source: 'y', question: '猫', statuteIds: ['L2-a0001'] }]
    const weights = { x: { expansion: 0.5, neighbours: 2 }, y: { expansion: 2, neighbours: 0.5 } }
    const b = new StatuteRankerBuilder({ known, sourceWeights: weights })
    for (const a of corpus) b.add(a)
    const r = b.build()
    // 猫 counts 0.2 × 0.5 in L2-a0002 and 0.2 × 2 in L2-a0001: the heavier expansion ranks first
    expect(r.rank(rewriteQuery('猫', lexicon), null, { depth: 5 }).ranked.map(x => x.id)).toEqual(['L2-a0001', 'L2-a0002'])
    const n = new KnownQuestionNeighbours(r.index, known, { weightOf: k => knowledgeWeight(k, 'neighbours', weights) })
    const sims = n.neighbours(r.queryTerms(rewriteQuery('猫', lexicon), 0), 2)
    expect(sims.map(s => s.id)).toEqual(['x-1', 'y-1'])
    expect(sims[0]!.similarity / sims[1]!.similarity).toBeCloseTo(4, 6)
  })

  it('orders neighbours by idf-weighted cosine', () => {
    const r = ranker(corpus)
    const known = new KnownQuestionNeighbours(r.index, [
      { id: 'dog', question: '邻居家的动物伤人', statuteIds: ['L2-a0001'] },
      { id: 'pay', question: '单位拖欠劳动报酬', statuteIds: ['L1-a0001'] },
    ])
    const n = known.neighbours(r.queryTerms(rewriteQuery('单位欠劳动报酬', lexicon), 0.5), 2)
    expect(n[0]!.id).toBe('pay')
    expect(n[0]!.similarity).toBeGreaterThan(n[1]?.similarity ?? 0)
    expect(n[0]!.similarity).toBeLessThanOrEqual(1 + 1e-9)
  })

  it('returns nothing for a question with no known term', () => {
    expect(ranker(corpus).rank(rewriteQuery('zzzz', lexicon), null, { depth: 5 })).toEqual({ ranked: [], total: 0, more: false, match: 0 })
  })

  it('counts the matching articles up to 100, or one past the page when it is deeper, and says there are more', () => {
    const arts = Array.from({ length: 250 }, (_, i) => ({ ...corpus[0]!, id: `LX-a${i + 1}`, law_id: 'LX', article_no: i + 1, article_label: `第${i + 1}条`, text: `劳动者的劳动报酬第${i + 1}项，按月支付${'。'.repeat(i % 7)}` }))
    const r = ranker(arts)
    for (const exhaustive of [false, true]) {
      const page1 = r.rank(rewriteQuery('劳动报酬', lexicon), null, { depth: 10, exhaustive })
      expect(page1).toMatchObject({ total: TOTAL_CAP, more: true })
      expect(page1.ranked).toHaveLength(10)
      expect(r.rank(rewriteQuery('劳动报酬', lexicon), null, { depth: 150, exhaustive })).toMatchObject({ total: 151, more: true })
      expect(r.rank(rewriteQuery('劳动报酬', lexicon), null, { depth: 250, exhaustive })).toMatchObject({ total: 250, more: false })
    }
    expect(totalBound(10)).toBe(100)
    expect(totalBound(100)).toBe(101)
  })
})

describe('priors', () => {
  it('puts core law first, amendment blobs last, superseded versions below current ones', () => {
    expect(statutePrior({ law_tier: 0, is_latest: true })).toBe(1)
    expect(statutePrior({ law_tier: 7, is_latest: true })).toBe(TIER_PRIOR[7])
    expect(statutePrior({ law_tier: 1, is_latest: false })).toBeLessThan(statutePrior({ law_tier: 1, is_latest: true }))
    for (let i = 1; i < TIER_PRIOR.length; i++) expect(TIER_PRIOR[i]).toBeLessThanOrEqual(TIER_PRIOR[i - 1]!)
  })

  it('knows the short names of regions', () => {
    expect(regionAliases('宁夏回族自治区')).toEqual(['宁夏回族自治区', '宁夏'])
    expect(regionAliases('银川市')).toEqual(['银川市', '银川'])
    expect(regionAliases('')).toEqual([])
  })
})

describe('StatuteRanker law-local term weight', () => {
  // every article of the copyright law says 作品; only one says 改编, a word other laws use a lot
  const arts = [
    art('LA-a0001', '作品的作品发表权'),
    art('LA-a0002', '作品的改编权'),
    art('LA-a0003', '作品的署名权'),
    ...Array.from({ length: 20 }, (_, i) => art(`LB${i}-a0001`, `改编合同的订立${i}`)),
  ]
  it('moves the article that differs from the rest of its law by the question\'s words up (tuning.local)', () => {
    const r = ranker(arts)
    const q = rewriteQuery('作品改编', { entries: [] })
    // the hand-tuned score (the bench's tuning; no learned order on top)
    expect(r.rank(q, null, { depth: 3, model: null }).ranked[0]!.id).toBe('LA-a0001')
    const local = r.rank(q, null, { depth: 3, model: null, tuning: { local: 0.5 } }).ranked.map(x => x.id)
    expect(local[0]).toBe('LA-a0002')
    expect(local).toHaveLength(3)
  })
})

describe('StatuteRanker page hygiene', () => {
  it('shows the same article of two versions once, and identical text once', () => {
    const r = ranker([
      art('Lnew-a0082', '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。', { law_title: '中华人民共和国劳动合同法', article_no: 82, article_label: '第八十二条' }),
      art('Lold-a0082', '用人单位自用工之日起超过一个月未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。', { law_title: '中华人民共和国劳动合同法', article_no: 82, article_label: '第八十二条', is_latest: false }),
      art('La-a0099', '本法自公布之日起施行。', { law_title: '甲法', article_no: 99, article_label: '第九十九条' }),
      art('Lb-a0088', '本法自公布之日起施行。', { law_title: '乙法', article_no: 88, article_label: '第八十八条' }),
    ])
    const ids = r.rank(rewriteQuery('没签书面劳动合同二倍工资 本法自公布之日起施行', lexicon), null, { depth: 10 }).ranked.map(x => x.id)
    expect(ids.filter(id => id.endsWith('-a0082'))).toEqual(['Lnew-a0082'])
    expect(ids.filter(id => id === 'La-a0099' || id === 'Lb-a0088')).toHaveLength(1)
  })

  it('answers citations from the articles it holds', () => {
    const r = ranker([art('Lx-a0031', '下列事项的当事人，因经济困难没有委托代理人的，可以向法律援助机构申请法律援助。', { law_title: '中华人民共和国法律援助法', article_no: 31, article_label: '第三十一条' })])
    expect(r.citations.resolve('法律援助法 31条')).toEqual({ kind: 'article', id: 'Lx-a0031' })
  })
})

describe('article model', () => {
  it('learns from pairs to put the expert article first, and the production weights name the features it computes', async () => {
    const { FEATURE_NAMES, ARTICLE_MODEL, modelScore, trainArticleModel } = await import('~~/server/domain/search/article-model')
    const n = FEATURE_NAMES.length
    const f = (bm25: number, links: number) => Array.from({ length: n }, (_, i) => (i === 0 ? bm25 : i === 3 ? links : 0))
    // the expert article is the often-linked one, ranked second by words
    const rows = Array.from({ length: 20 }, () => ({ features: [f(1, 0), f(0.8, 2), f(0.5, 0)], relevant: [false, true, false] }))
    const m = trainArticleModel(rows)
    expect(modelScore(m, f(0.8, 2))).toBeGreaterThan(modelScore(m, f(1, 0)))
    expect(ARTICLE_MODEL?.features).toEqual([...FEATURE_NAMES])
  })
})

describe('article features read against the other candidates', () => {
  it('coverage, its rank among the candidates, the law-local score and the neighbours\' coverage', async () => {
    const { FEATURE_NAMES } = await import('~~/server/domain/search/article-model')
    const at = (no: number, text: string) => art(`L1-a${String(no).padStart(4, '0')}`, text, { article_no: no, article_label: `第${no}条` })
    const r = ranker([
      at(1, '用人单位拖欠劳动者工资的，劳动者可以申请支付令。'),
      at(2, '劳动者的其他权利，依照有关规定。'),
      at(3, '本法所称的事项，由国务院规定。'),
      art('L2-a0001', '劳动者享有平等就业的权利。', { law_title: '中华人民共和国另一法', article_no: 1, article_label: '第1条' }),
    ])
    const rows = new Map(r.candidateFeatures(rewriteQuery('劳动者工资 支付令', { entries: [] }), null).map(c => [c.id, c.features]))
    const f = (id: string, name: typeof FEATURE_NAMES[number]) => rows.get(id)![FEATURE_NAMES.indexOf(name)]!
    expect([...rows.keys()].sort()).toEqual(['L1-a0001', 'L1-a0002', 'L2-a0001'])
    for (const x of rows.values()) expect(x).toHaveLength(FEATURE_NAMES.length)
    // the first article holds every word of the question, the others only 劳动者
    expect(f('L1-a0001', 'coverage')).toBeCloseTo(1)
    expect(f('L1-a0001', 'coveragePairs')).toBeCloseTo(1)
    expect(f('L1-a0001', 'coverageRank')).toBe(1)
    expect(f('L1-a0001', 'lawLocal')).toBe(1)
    expect(f('L1-a0002', 'coverage')).toBeGreaterThan(0)
    expect(f('L1-a0002', 'coverage')).toBeLessThan(0.5)
    expect(f('L1-a0002', 'coverageRank')).toBeLessThan(1)
    // the neighbours' coverage: 第2条 sits next to the article that holds the question (a run of articles)
    expect(f('L1-a0002', 'neighbourCoverage')).toBeCloseTo(1)
    expect(f('L1-a0001', 'neighbourCoverage')).toBeCloseTo(f('L1-a0002', 'coverage'))
    expect(f('L2-a0001', 'neighbourCoverage')).toBe(0)
  })
})

describe('the learned order in a ranking', () => {
  it('orders the articles shown, keeps the hand-tuned order beside it for the cases, and prunes to the same answer', async () => {
    const { FEATURE_NAMES } = await import('~~/server/domain/search/article-model')
    const n = FEATURE_NAMES.length
    // a model that reverses the hand-tuned order (weight −1 on 1 ÷ (1 + rank))
    const reverse = { features: [...FEATURE_NAMES], mean: new Array(n).fill(0), std: new Array(n).fill(1), weights: FEATURE_NAMES.map(f => (f === 'rank' ? -1 : 0)) }
    const r = ranker(corpus.slice(0, 2))
    const q = rewriteQuery('用人单位 劳动者', { entries: [] })
    const hand = r.rank(q, null, { depth: 5, model: null })
    expect(hand.ranked.map(x => x.id)).toEqual(['L1-a0002', 'L1-a0001'])
    expect(hand.handTuned).toBeUndefined()
    for (const exhaustive of [false, true]) {
      const learned = r.rank(q, null, { depth: 5, model: reverse, exhaustive })
      expect(learned.ranked.map(x => x.id)).toEqual(['L1-a0001', 'L1-a0002'])
      expect(learned.handTuned).toEqual(['L1-a0002', 'L1-a0001'])
      expect(learned.match).toBe(hand.match)
    }
  })
})
