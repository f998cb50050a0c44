import { describe, expect, it } from 'vitest'
import {
  scoreNeighbours, similarQuestionStatutes, buildKnowledgeQueries, idFilter, caseKnownQuestions, stardKnownQuestion,
  knownQuestionIndexSettings, DEFAULT_SIMILAR_TUNING,
} from '../../../../../server/domain/search/similar-questions'
import { rewriteQuery, searchStatutes, type PortQuery, type StatuteSearchPort } from '../../../../../server/domain/search/statute-search'
import { statuteIndexSettings } from '../../../../../server/domain/search/statute-doc'
import { searchLibrary, type LibrarySearchDeps } from '../../../../../server/domain/cases/search'
import { makeHighlightTags } from '../../../../../server/domain/cases/highlight'

const lexicon = { entries: [] }
const hit = (id: string, law = 'L1') => ({ id, law_id: law, law_title: `法${law}`, level: '法律', article_label: '第一条', text: `条文${id}` })
const QUESTION = '房东不退押金怎么办'

/**
 * Fake engine: the statute index answers every sub-query with `statutes`; the knowledge index
 * answers with `neighbours`; `id IN [...]` queries on the statute index return the `store` docs
 * asked for (and honour nothing else). `fail` makes one kind of request throw.
 */
function fakePort(o: {
  statutes: string[]
  neighbours?: Array<{ id: string, statuteIds: string[] }>
  store?: string[]
  fail?: 'knowledge' | 'fetch'
}) {
  const seen: PortQuery[] = []
  const port: StatuteSearchPort = {
    async multiSearch({ queries }) {
      seen.push(...queries)
      if (o.fail === 'knowledge' && queries.some(q => q.indexUid === 'kq')) throw new Error('index `kq` not found')
      if (o.fail === 'fetch' && queries.some(q => String(q.filter).includes('id IN'))) throw new Error('fetch failed')
      return {
        results: queries.map((q) => {
          if (q.indexUid === 'kq') return { hits: (o.neighbours ?? []).slice(0, q.limit) }
          const f = String(q.filter ?? '')
          if (f.includes('id IN')) {
            const asked = [...f.matchAll(/"([^"]+)"/g)].map(m => m[1]!)
            return { hits: (o.store ?? []).filter(id => asked.includes(id)).map(id => hit(id, 'L2')) }
          }
          return { hits: o.statutes.map(id => hit(id)), estimatedTotalHits: o.statutes.length }
        }),
      }
    },
  }
  return { port, seen }
}

describe('scoreNeighbours', () => {
  it('scores each linked statute Σ weight / (k + rank + 1) over the neighbours', () => {
    const out = scoreNeighbours([
      { weight: 1, hits: [{ statuteIds: ['a', 'b'] }, { statuteIds: ['b'] }] },
      { weight: 2, hits: [{ statuteIds: ['c'] }] },
    ], { k: 10, norm: 0 })
    const s = Object.fromEntries(out.map(x => [x.id, x.score]))
    expect(s.a).toBeCloseTo(1 / 11)
    expect(s.b).toBeCloseTo(1 / 11 + 1 / 12)
    expect(s.c).toBeCloseTo(2 / 11)
    expect(out.map(x => x.id)).toEqual(['c', 'b', 'a'])
  })
  it('counts a statute once per neighbour and ignores neighbours without links', () => {
    const out = scoreNeighbours([{ weight: 1, hits: [{ statuteIds: [] }, { statuteIds: ['a', 'a'] }, {}] }], { k: 0, norm: 0 })
    expect(out).toEqual([{ id: 'a', score: 1 / 2 }])
  })
  it('norm divides by the number of linked statutes', () => {
    const out = scoreNeighbours([{ weight: 1, hits: [{ statuteIds: ['a', 'b', 'c', 'd'] }] }], { k: 0, norm: 1 })
    expect(out[0]!.score).toBeCloseTo(1 / 4)
  })
})

describe('similarQuestionStatutes', () => {
  it('searches the knowledge index with the caller filter and neighbour limit, and ranks linked statutes', async () => {
    const { port, seen } = fakePort({ statutes: [], neighbours: [{ id: 'q1', statuteIds: ['s1'] }, { id: 'q2', statuteIds: ['s2', 's1'] }] })
    const out = await similarQuestionStatutes(port, QUESTION, { indexUid: 'kq', lexicon, filter: 'id != "q0"', neighbours: 7 })
    expect(out.map(x => x.id)).toEqual(['s1', 's2'])
    expect(seen.length).toBe(buildKnowledgeQueries(rewriteQuery(QUESTION, lexicon), DEFAULT_SIMILAR_TUNING).length)
    expect(seen.every(q => q.indexUid === 'kq' && q.filter === 'id != "q0"' && q.limit === 7)).toBe(true)
    expect(seen[0]!.attributesToRetrieve).toEqual(['id', 'statuteIds'])
  })
  it('propagates a failing knowledge index (searchStatutes decides what to do)', async () => {
    const { port } = fakePort({ statutes: [], fail: 'knowledge' })
    await expect(similarQuestionStatutes(port, QUESTION, { indexUid: 'kq', lexicon })).rejects.toThrow(/not found/)
  })
})

describe('searchStatutes with knowledge', () => {
  const statutes = ['a', 'b', 'c', 'd', 'e', 'f']
  it('fuses the knowledge list: a statute the neighbours agree on moves up', async () => {
    const neighbours = [{ id: 'q1', statuteIds: ['e'] }, { id: 'q2', statuteIds: ['e'] }]
    const plain = await searchStatutes(fakePort({ statutes }).port, QUESTION, { lexicon, limit: 3, tuning: { lawVote: 0 } })
    expect(plain.hits.map(h => h.id)).toEqual(['a', 'b', 'c'])
    const fused = await searchStatutes(fakePort({ statutes, neighbours }).port, QUESTION, { lexicon, limit: 3, tuning: { lawVote: 0 }, knowledge: { indexUid: 'kq', weight: 1 } })
    // fuseK 5: e = 1/(5+4+1) + 1/(5+0+1) beats a = 1/(5+0+1)
    expect(fused.hits.map(h => h.id)).toEqual(['e', 'a', 'b'])
    // weight 0: the knowledge index is not even asked
    const off = fakePort({ statutes, neighbours })
    const r0 = await searchStatutes(off.port, QUESTION, { lexicon, limit: 3, tuning: { lawVote: 0 }, knowledge: { indexUid: 'kq', weight: 0 } })
    expect(r0.hits.map(h => h.id)).toEqual(['a', 'b', 'c'])
    expect(off.seen.some(q => q.indexUid === 'kq')).toBe(false)
  })
  it('still answers from the statute sub-queries when the knowledge index fails', async () => {
    const errors: unknown[] = []
    const r = await searchStatutes(fakePort({ statutes, fail: 'knowledge' }).port, QUESTION, {
      lexicon, limit: 3, tuning: { lawVote: 0 }, knowledge: { indexUid: 'kq', weight: 1, onError: e => errors.push(e) },
    })
    expect(r.hits.map(h => h.id)).toEqual(['a', 'b', 'c'])
    expect(errors).toHaveLength(1)
  })
  it('fetches statutes only the knowledge side found as full hits; unknown ids are dropped', async () => {
    const { port, seen } = fakePort({ statutes: ['a', 'b'], neighbours: [{ id: 'q1', statuteIds: ['x', 'gone'] }], store: ['x'] })
    const r = await searchStatutes(port, QUESTION, { lexicon, limit: 10, filter: 'level = "法律"', tuning: { lawVote: 0 }, knowledge: { indexUid: 'kq', weight: 1 } })
    expect(r.hits.map(h => h.id).sort()).toEqual(['a', 'b', 'x'])
    expect(r.hits.find(h => h.id === 'x')).toMatchObject({ law_id: 'L2', text: '条文x' })
    const fetch = seen.filter(q => String(q.filter).includes('id IN'))
    expect(fetch).toHaveLength(1)
    expect(fetch[0]!.indexUid).toBe('statutes')
    expect(fetch[0]!.filter).toMatch(/^\(level = "法律"\) AND \(id IN \["(x|gone)", "(x|gone)"\]\)$/)
  })
  it('a failing fetch only loses the knowledge-only statutes', async () => {
    const errors: unknown[] = []
    const r = await searchStatutes(fakePort({ statutes: ['a', 'b'], neighbours: [{ id: 'q1', statuteIds: ['x', 'b'] }], store: ['x'], fail: 'fetch' }).port, QUESTION, {
      lexicon, limit: 10, tuning: { lawVote: 0 }, knowledge: { indexUid: 'kq', weight: 1, onError: e => errors.push(e) },
    })
    expect(r.hits.map(h => h.id)).toEqual(['b', 'a'])
    expect(errors).toHaveLength(1)
  })
})

describe('known-question documents and filters', () => {
  it('idFilter quotes dataset ids and drops anything else', () => {
    expect(idFilter(['L1-a0001', 'x" OR 1=1', 'b_2'])).toBe('id IN ["L1-a0001", "b_2"]')
  })
  it('case common questions become one known question each, linked to the case statutes', () => {
    const docs = caseKnownQuestions([
      { key: 'dog-bite', commonQuestions: ['被狗咬了谁赔', ' 被狗咬了谁赔 ', '狗主人要赔吗'], statuteIds: ['s1', 's1', 's2'] },
      { key: 'no-law', commonQuestions: ['没有法条的问题'], statuteIds: [] },
    ])
    expect(docs.map(d => d.id)).toEqual(['case-dog-bite-0', 'case-dog-bite-2'])
    expect(docs[0]).toMatchObject({ source: 'case', question: '被狗咬了谁赔', statuteIds: ['s1', 's2'], answer: '' })
  })
  it('a STARD record keeps its expert links', () => {
    expect(stardKnownQuestion({ id: 'stard-1', question: '问', relevant: ['a', 'a', 'b'] })).toMatchObject({ source: 'stard', keywords: '', statuteIds: ['a', 'b'] })
  })
  it('index settings: answers searchable, id filterable; statute ids filterable for the fetch', () => {
    expect(knownQuestionIndexSettings().searchableAttributes).toContain('answer')
    expect(knownQuestionIndexSettings().displayedAttributes).not.toContain('answer')
    expect(knownQuestionIndexSettings().displayedAttributes).not.toContain('*')
    expect(knownQuestionIndexSettings().filterableAttributes).toContain('id')
    expect(statuteIndexSettings([]).filterableAttributes).toContain('id')
  })
})

describe('library search wiring', () => {
  const deps = (port: StatuteSearchPort, knownQuestions?: string): LibrarySearchDeps => ({
    port: port as unknown as LibrarySearchDeps['port'],
    uids: { statutes: 'statutes', cases: 'cases', knownQuestions },
    lexicon,
    tags: makeHighlightTags('testtoken1'),
    fallback: { statutes: async () => ({ rows: [], total: 0 }), cases: async () => ({ rows: [], total: 0, facets: {} as never }) },
  })
  it('asks the known-question index and shows knowledge-only statutes; a missing index does not degrade the answer', async () => {
    const ok = fakePort({ statutes: ['a'], neighbours: [{ id: 'q1', statuteIds: ['x'] }], store: ['x'] })
    const r = await searchLibrary(deps(ok.port, 'kq'), { q: QUESTION, page: 1, limit: 10 })
    expect(r.statutes.hits.map(h => h.id).sort()).toEqual(['a', 'x'])
    expect(ok.seen.some(q => q.indexUid === 'kq')).toBe(true)
    const missing = fakePort({ statutes: ['a'], fail: 'knowledge' })
    const r2 = await searchLibrary(deps(missing.port, 'kq'), { q: QUESTION, page: 1, limit: 10 })
    expect(r2.degraded).toBeFalsy()
    expect(r2.statutes.hits.map(h => h.id)).toEqual(['a'])
  })
})

describe('law prior from the neighbours', () => {
  it('lawOfId takes the law part of a dataset article id', async () => {
    const { lawOfId } = await import('../../../../../server/domain/search/statute-search')
    expect(lawOfId('L67a404eb29-a0031')).toBe('L67a404eb29')
    expect(lawOfId('noid')).toBe('')
  })
  it('articles of the law the neighbours point to move up; lawBoost 0 leaves the order alone', async () => {
    // statute lists: a (law L1) first, then c (law L3); neighbours link only to z of law L3 (not in the index)
    const statutes = ['a', 'c']
    const port: StatuteSearchPort = {
      async multiSearch({ queries }) {
        return {
          results: queries.map((q) => {
            if (q.indexUid === 'kq') return { hits: [{ id: 'q1', statuteIds: ['L3-a0009'] }, { id: 'q2', statuteIds: ['L3-a0009'] }] }
            if (String(q.filter ?? '').includes('id IN')) return { hits: [] }
            return { hits: statutes.map(id => ({ ...hit(id, id === 'a' ? 'L1' : 'L3') })) }
          }),
        }
      },
    }
    const off = await searchStatutes(port, QUESTION, { lexicon, limit: 2, tuning: { lawVote: 0 }, knowledge: { indexUid: 'kq', weight: 1, tuning: { lawBoost: 0 } } })
    expect(off.hits.map(h => h.id)).toEqual(['a', 'c'])
    const on = await searchStatutes(port, QUESTION, { lexicon, limit: 2, tuning: { lawVote: 0 }, knowledge: { indexUid: 'kq', weight: 1, tuning: { lawBoost: 1 } } })
    expect(on.hits.map(h => h.id)).toEqual(['c', 'a'])
  })
})
