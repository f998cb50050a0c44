import { describe, expect, it } from 'vitest'
import { LexicalIndexBuilder, groupLayout, lexicalTerms, termCounts, topK, type LexicalDocInput } from '~~/server/domain/search/lexical-index'

function build(docs: LexicalDocInput[]) {
  const b = new LexicalIndexBuilder()
  for (const d of docs) b.add(d)
  return b.build()
}

describe('lexicalTerms', () => {
  it('gives the characters and adjacent pairs of every Han run, and Latin/digit words', () => {
    expect(lexicalTerms('拖欠工资')).toEqual(['拖', '拖欠', '欠', '欠工', '工', '工资', '资'])
    // punctuation splits runs: no pair across it
    expect(lexicalTerms('工资，押金')).toEqual(['工', '工资', '资', '押', '押金', '金'])
    // full-width Latin and digits are folded and lower-cased
    expect(lexicalTerms('ＡＰＰ退款３０天')).toEqual(['app', '退', '退款', '款', '30', '天'])
    expect(lexicalTerms('  ')).toEqual([])
  })

  it('counts terms with a weight', () => {
    const c = termCounts('工资工资', 0.5)
    expect(c.get('工资')).toBe(1)
    expect(c.get('资工')).toBe(0.5)
  })
})

describe('LexicalIndex (BM25)', () => {
  const idx = build([
    { id: 'a', text: '用人单位应当按时足额支付劳动报酬' },
    { id: 'b', text: '用人单位应当依法缴纳社会保险费' },
    { id: 'c', text: '出租人应当按照约定将租赁物交付承租人' },
  ])

  it('weighs a rare term above a common one', () => {
    expect(idx.idf('劳动报酬')).toBe(0) // not a term: terms are characters and pairs
    expect(idx.idf('报酬')).toBeGreaterThan(idx.idf('应当'))
    expect(idx.idf('没有的词')).toBe(0)
    expect(idx.has('报酬')).toBe(true)
  })

  it('ranks the document that shares the rare words first and counts matches', () => {
    const { scores, matched } = idx.scoreAll(termCounts('单位不给报酬'))
    expect(matched).toBe(2) // 单位 in a and b; 报酬 only in a
    expect(scores[0]).toBeGreaterThan(scores[1]!)
    expect(scores[2]).toBe(0)
  })

  it('prefers the shorter of two documents with the same match, and applies the prior', () => {
    const i2 = build([{ id: 'long', text: '押金' + '其他内容'.repeat(30) }, { id: 'short', text: '押金退还' }, { id: 'down', text: '押金退还', prior: 0.5 }])
    const { scores } = i2.scoreAll(termCounts('押金'))
    expect(scores[1]).toBeGreaterThan(scores[0]!)
    expect(scores[2]).toBeCloseTo(scores[1]! / 2, 5)
  })

  it('finds a document by its expansions, weighted below its own text', () => {
    const i3 = build([
      { id: 'own', text: '饲养动物损害责任' },
      { id: 'expanded', text: '管理人承担侵权责任', weighted: [{ text: '狗咬人谁赔', weight: 0.5 }] },
      { id: 'unweighted', text: '管理人承担侵权责任', weighted: [{ text: '狗咬人谁赔', weight: 0 }] },
    ])
    const { scores } = i3.scoreAll(termCounts('狗咬'))
    expect(scores[1]).toBeGreaterThan(0)
    expect(scores[2]).toBe(0) // no weight, no expansion
    const own = i3.scoreAll(termCounts('动物')).scores
    expect(own[0]).toBeGreaterThan(0)
  })

  it('ignores zero and negative query weights', () => {
    expect(idx.scoreAll(new Map([['报酬', 0], ['租赁', -1]])).matched).toBe(0)
  })
})

describe('topK', () => {
  it('returns the best k positive scores, best first, ties by document number', () => {
    expect(topK([0, 3, 1, 3, 2], 3)).toEqual([{ doc: 1, score: 3 }, { doc: 3, score: 3 }, { doc: 4, score: 2 }])
    expect(topK([0, 0], 5)).toEqual([])
    expect(topK([1, 2], 0)).toEqual([])
  })

  it('skips documents the filter refuses', () => {
    expect(topK([5, 4, 3, 2], 2, d => d % 2 === 1).map(x => x.doc)).toEqual([1, 3])
  })

  it('agrees with a full sort on random scores', () => {
    let seed = 7
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff }
    const scores = Array.from({ length: 2000 }, () => (rnd() < 0.3 ? 0 : Math.round(rnd() * 100)))
    const want = scores.map((s, doc) => ({ doc, score: s })).filter(x => x.score > 0).sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, 50)
    expect(topK(scores, 50)).toEqual(want)
  })
})

describe('LexicalIndex.groupScores (idf counted inside a group)', () => {
  // group 0: three articles of one law, all about 作品; group 1: other laws' articles that all say 改编
  const idx = build([
    { id: 'a1', text: '作品的作品发表权' },
    { id: 'a2', text: '作品的改编权' },
    { id: 'a3', text: '作品的署名权' },
    ...Array.from({ length: 20 }, (_, i) => ({ id: `b${i}`, text: `改编合同的订立${i}` })),
  ])
  const groupOf = Uint32Array.from([0, 0, 0, ...Array.from({ length: 20 }, () => 1)])
  const groups = groupLayout(groupOf, 2)
  const q = termCounts('作品改编')

  it('weighs a term by how rare it is in the document\'s own group, not in the whole index', () => {
    // over the whole index 作品 is rare and 改编 common: a1 (作品 twice) is ahead of a2
    const { scores } = idx.scoreAll(q)
    expect(scores[0]!).toBeGreaterThan(scores[1]!)
    // inside the law every article says 作品 and only a2 says 改编: a2 first
    const local = idx.groupScores(q, [0, 1, 2], groupOf, groups)
    expect(local[1]!).toBeGreaterThan(local[0]!)
    expect(local[1]!).toBeGreaterThan(local[2]!)
  })

  it('scores only the documents asked for, in their order, and nothing for an empty list', () => {
    const some = idx.groupScores(q, [1, 3], groupOf, groups)
    expect(some).toHaveLength(2)
    expect(some[0]!).toBeGreaterThan(0)
    expect(idx.groupScores(q, [], groupOf, groups)).toHaveLength(0)
    expect([...idx.groupScores(termCounts('刑罚'), [0, 1], groupOf, groups)]).toEqual([0, 0])
  })
})

describe('LexicalIndex.groupScores: groups whose documents are not consecutive', () => {
  it('gives the same scores as the same groups laid out one after another', () => {
    const texts = ['作品的作品发表权', '改编合同的订立', '作品的改编权', '改编合同的解除', '作品的署名权', '改编费用']
    // the same documents, interleaved (group 0 at 0, 2, 4) and consecutive (group 0 at 0, 1, 2)
    const interleaved = build(texts.map((text, i) => ({ id: `d${i}`, text })))
    const byGroup = [0, 2, 4, 1, 3, 5]
    const consecutive = build(byGroup.map(i => ({ id: `d${i}`, text: texts[i]! })))
    const q = termCounts('作品改编合同')
    const a = interleaved.groupScores(q, [0, 2, 4, 1], Uint32Array.from([0, 1, 0, 1, 0, 1]), groupLayout([0, 1, 0, 1, 0, 1], 2))
    const b = consecutive.groupScores(q, [0, 1, 2, 3], Uint32Array.from([0, 0, 0, 1, 1, 1]), groupLayout([0, 0, 0, 1, 1, 1], 2))
    expect([...a]).toEqual([...b])
    expect(a[1]!).toBeGreaterThan(a[0]!)
  })
})

describe('LexicalIndex.coverages', () => {
  it('is coverage for each document, in the order asked, and the same over the picked terms', () => {
    const idx = build([
      { id: 'a', text: '用人单位拖欠劳动者工资' },
      { id: 'b', text: '劳动者的权利' },
      { id: 'c', text: '饲养动物造成损害' },
    ])
    const q = termCounts('劳动者工资 拖欠 火星')
    const docs = [2, 0, 1]
    const { all, picked } = idx.coverages(q, docs, t => t.length === 2)
    docs.forEach((d, i) => expect(all[i]).toBeCloseTo(idx.coverage(q, d), 12))
    const pairs = new Map([...q].filter(([t]) => t.length === 2))
    docs.forEach((d, i) => expect(picked[i]).toBeCloseTo(idx.coverage(pairs, d), 12))
    expect(all[0]!).toBeLessThan(all[2]!) // 饲养动物 shares only 动
    expect(all[1]!).toBeGreaterThan(all[2]!)
    // 火星 is in no document: it counts as the rarest term, so nothing covers the whole question
    expect(all[1]!).toBeLessThan(1)
  })
})
