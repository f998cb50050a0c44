// Article-precision experiments (issue 12), on the TRAIN split by default (5-fold: each question ranked by
// the ranker built without its fold, so its own expert links never expand an article or count as a
// neighbour); --dev ranks the dev split with all train knowledge (confirm once, never tune there).
// Each variant is printed with hit@10 gained / lost against production, question by question, and per fold.
//   npx tsx bench/search-quality-experiments.ts [--dev]
//       re-orderings of the same candidates (the hand-tuned ranking's best 220): neighbour context,
//       the article's known questions as their own field, at most N articles of one law on the first page
//   npx tsx bench/search-quality-experiments.ts --grid '[{"name":"local 0.3","text":"normalized","tuning":{"local":0.3}}]'
//       query-side variants through the production ranker (text: normalized | stripped | content;
//       tuning: StatuteRankerTuning, e.g. unigram, local; noNeighbours)
//   npx tsx bench/search-quality-experiments.ts --answers [--expansion '[0,0.1]'] [--neighbours '[0,0.3]'] [--builds '[{"bm25":{"k1":1.2,"b":0.6}}]']
//       knowledge-side variants that rebuild the rankers: the lawyers' answers of known questions as
//       document expansion / in the neighbour vectors, BM25 parameters
import { resolve } from 'node:path'
import { rewriteQuery } from '../server/domain/search/query'
import { LexicalIndexBuilder, type LexicalIndex } from '../server/domain/search/lexical-index'
import { DEFAULT_RANKER_TUNING, KnownQuestionNeighbours, expansionsByStatute, type StatuteRanker, type StatuteRankerTuning } from '../server/domain/search/statute-ranker'
import type { FeatureContext } from '../server/domain/search/article-model'
import { trainKnowledge } from './lib/knowledge'
import { foldOf, rankerFor, type BenchRankerOptions } from './lib/ranker'
import { add, fmt, score, zero, type Metrics } from './lib/metrics'
import { SHARED, isDev, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'

const docIds = new WeakMap<object, Map<string, number>>()
/** Document number of an id in a ranker's index. */
function docOf(r: StatuteRanker, id: string): number {
  let m = docIds.get(r)
  if (!m) { m = new Map(r.index.ids.map((x, i) => [x, i])); docIds.set(r, m) }
  return m.get(id)!
}

/** Query-side variants: which text of the question is tokenised, and ranker tuning. */
async function grid(dev: boolean) {
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const rankers = rankerFor(docs, trainKnowledge(all, true))
  const qs = all.filter(q => isDev(q.id) === dev).sort((a, b) => foldOf(a.id) - foldOf(b.id))
  const configs: Array<{ name: string, text: 'normalized' | 'stripped' | 'content', tuning?: Partial<StatuteRankerTuning>, noNeighbours?: boolean }> = JSON.parse(process.argv[process.argv.indexOf('--grid') + 1]!)
  configs.unshift({ name: 'production', text: 'normalized' })
  const sums = configs.map(() => zero())
  const hits = configs.map(() => [] as number[])
  const folds = configs.map(() => [] as Metrics[])
  const ms = configs.map(() => [] as number[])
  qs.forEach((q, qi) => {
    const r = rankers(q.id)
    const rw = rewriteQuery(q.question, lexicon)
    const fold = dev ? 0 : foldOf(q.id)
    configs.forEach((c, i) => {
      const normalized = c.text === 'stripped' ? rw.stripped : c.text === 'content' ? rw.words.join(' ') : rw.normalized
      const t0 = performance.now()
      const ids = r.ranker.rank({ ...rw, normalized }, c.noNeighbours ? null : r.knowledge, { depth: 100, model: null, tuning: c.tuning }).ranked.map(x => x.id)
      ms[i]!.push(performance.now() - t0)
      const m = score(ids, q.relevant)
      sums[i] = add(sums[i]!, m)
      hits[i]![qi] = m.hit10
      folds[i]![fold] = add(folds[i]![fold] ?? zero(), m)
    })
  })
  console.log(`\n${dev ? 'dev' : 'train 5-fold'} (${qs.length} questions)`)
  console.log('| variant | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR | hit@10 gained / lost vs production | hit@10 per fold | rank p50 ms |')
  console.log('|---|---|---|---|---|---|---|---|---|---|')
  configs.forEach((c, i) => {
    const gained = hits[i]!.filter((x, j) => x > hits[0]![j]!).length, lost = hits[i]!.filter((x, j) => x < hits[0]![j]!).length
    const p50 = [...ms[i]!].sort((a, b) => a - b)[Math.floor(ms[i]!.length / 2)]!
    console.log(`| ${c.name} | ${sums[i]!.n} | ${fmt(sums[i]!).join(' | ')} | +${gained} / −${lost} | ${folds[i]!.map(f => fmt(f)[1]).join(' ')} | ${p50.toFixed(1)} |`)
  })
}

async function answers(dev: boolean) {
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const kb = trainKnowledge(all, true)
  const qs = all.filter(q => isDev(q.id) === dev).sort((a, b) => foldOf(a.id) - foldOf(b.id)).map(q => ({ q, rw: rewriteQuery(q.question, lexicon) }))
  const arg = (f: string, d: number[]) => process.argv.includes(f) ? JSON.parse(process.argv[process.argv.indexOf(f) + 1]!) as number[] : d
  console.log(`\n${dev ? 'dev' : 'train 5-fold'} (${qs.length} questions)`)
  console.log('| answers: expansion weight | answers: neighbour weight | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR |')
  console.log('|---|---|---|---|---|---|---|---|')
  const builds: BenchRankerOptions[] = process.argv.includes('--builds') ? JSON.parse(process.argv[process.argv.indexOf('--builds') + 1]!) : arg('--expansion', [0, 0.1]).map(e => ({ answerExpansion: e }))
  for (const build of builds) {
    const e = JSON.stringify(build)
    const rankers = rankerFor(docs, kb, build)
    const nws = arg('--neighbours', [0, 0.3, 1])
    const sums = nws.map(() => zero())
    const knowledge = new Map<string, KnownQuestionNeighbours>()
    for (const { q, rw } of qs) {
      const r = rankers(q.id)
      const fold = isDev(q.id) ? -1 : foldOf(q.id)
      nws.forEach((nw, i) => {
        let k = nw === 0 ? r.knowledge : knowledge.get(`${fold}/${nw}`)
        if (!k) { k = new KnownQuestionNeighbours(r.ranker.index, kb.filter(x => x.source !== 'stard' || fold < 0 || foldOf(x.id) !== fold), { answerWeight: nw }); knowledge.set(`${fold}/${nw}`, k) }
        sums[i] = add(sums[i]!, score(r.ranker.rank(rw, k, { depth: 100, model: null }).ranked.map(x => x.id), q.relevant))
      })
    }
    nws.forEach((nw, i) => console.log(`| ${e} | ${nw} | ${sums[i]!.n} | ${fmt(sums[i]!).join(' | ')} |`))
  }
}

async function main() {
  const dev = process.argv.includes('--dev')
  if (process.argv.includes('--answers')) return answers(dev)
  if (process.argv.includes('--grid')) return grid(dev)
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const kb = trainKnowledge(all, true)
  const rankers = rankerFor(docs, kb)
  const qs = all.filter(q => isDev(q.id) === dev).sort((a, b) => foldOf(a.id) - foldOf(b.id))
  // per fold: an index over each article's known questions only (its "question profile")
  const profiles = new Map<number, LexicalIndex>()
  const profileOf = (qid: string) => {
    const fold = isDev(qid) ? -1 : foldOf(qid)
    let p = profiles.get(fold)
    if (!p) {
      const known = kb.filter(k => k.source !== 'stard' || fold < 0 || foldOf(k.id) !== fold)
      const b = new LexicalIndexBuilder()
      for (const [id, texts] of expansionsByStatute(known)) b.add({ id, text: texts.join(' ') })
      p = b.build(); profiles.set(fold, p)
    }
    return p
  }
  const variants: Record<string, Metrics> = {}
  // per variant: hit@10 per question (paired comparison with the base order) and per fold
  const hits: Record<string, number[]> = {}
  const folds: Record<string, Metrics[]> = {}
  let current = { i: 0, fold: 0 }
  const put = (name: string, ids: string[], rel: string[]) => {
    const m = score(ids, rel)
    variants[name] = add(variants[name] ?? zero(), m);
    (hits[name] ??= [])[current.i] = m.hit10
    const f = (folds[name] ??= [])
    f[current.fold] = add(f[current.fold] ?? zero(), m)
  }
  let n = 0
  for (const q of qs) {
    current = { i: n, fold: isDev(q.id) ? 0 : foldOf(q.id) }
    const r = rankers(q.id)
    const rw = rewriteQuery(q.question, lexicon)
    let ctx!: FeatureContext
    let top: Array<{ doc: number, score: number }> = []
    r.ranker.rank(rw, r.knowledge, { depth: 100, model: null, onCandidates: (c, t) => { ctx = c; top = [...t] } })
    const ids = r.ranker.index.ids
    const t = DEFAULT_RANKER_TUNING
    const full = (d: number) => {
      const b = ctx.bm25[d]!, k = (ctx.know.get(d) ?? 0) * t.knowledge
      const s = b + k
      const ls = ctx.lawShare && ctx.lawMax > 0 ? ctx.lawShare[ctx.lawOf(d)]! : 0
      return s > 0 && ls > 0 ? s + t.lawPrior * ls / ctx.lawMax : s
    }
    const cands = top.map(x => x.doc)
    const base = new Map(top.map(x => [x.doc, x.score]))
    const order = (f: (d: number) => number) => [...cands].sort((a, b) => f(b) - f(a) || a - b).map(d => ids[d]!)
    put('base', order(d => base.get(d)!), q.relevant)
    // B: neighbour context (same law, ±1)
    const neigh = (d: number) => {
      const a = ctx.articleOf(d); if (!a) return 0
      let m = 0
      for (const o of [-1, 1]) { const x = ctx.docAt(ctx.lawOf(d), a + o); if (x !== undefined) m = Math.max(m, full(x)) }
      return m
    }
    for (const al of [0.1, 0.2, 0.3]) put(`neighbour max ±1 × ${al}`, order(d => base.get(d)! + al * neigh(d)), q.relevant)
    // C: at most `cap` articles of one law on the first page (the next law's best article moves up)
    for (const cap of [7, 8, 9]) {
      const ranked = order(d => base.get(d)!)
      const first: string[] = []
      const perLaw = new Map<number, number>()
      for (const id of ranked) {
        if (first.length >= 10) break
        const law = ctx.lawOf(docOf(r.ranker, id))
        if ((perLaw.get(law) ?? 0) >= cap) continue
        perLaw.set(law, (perLaw.get(law) ?? 0) + 1)
        first.push(id)
      }
      put(`at most ${cap} articles of one law in the first 10`, [...first, ...ranked.filter(id => !first.includes(id))], q.relevant)
    }
    // D: question profile (the article's linked known questions as their own field)
    const prof = profileOf(q.id)
    const ps = prof.scoreAll(ctx.queryTerms).scores
    let pmax = 0; for (const v of ps) pmax = Math.max(pmax, v)
    const pOf = new Map<string, number>()
    if (pmax > 0) for (let i = 0; i < ps.length; i++) if (ps[i]! > 0) pOf.set(prof.ids[i]!, ps[i]! / pmax)
    for (const ga of [0.1, 0.3, 0.5]) put(`question profile × ${ga}`, order(d => base.get(d)! + ga * (pOf.get(ids[d]!) ?? 0)), q.relevant)
    // combos
    if (++n % 200 === 0) console.log(`${n}/${qs.length}`)
  }
  console.log(`\n${dev ? 'dev' : 'train 5-fold'} (${qs.length} questions), candidates: the hand-tuned ranking's best 220`)
  console.log('| variant | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR | hit@10 gained / lost vs base | hit@10 per fold |')
  console.log('|---|---|---|---|---|---|---|---|---|')
  const b = hits.base!
  for (const [k, m] of Object.entries(variants)) {
    const h = hits[k]!
    const gained = h.filter((x, i) => x > b[i]!).length, lost = h.filter((x, i) => x < b[i]!).length
    console.log(`| ${k} | ${m.n} | ${fmt(m).join(' | ')} | +${gained} / −${lost} | ${folds[k]!.map(f => fmt(f)[1]).join(' ')} |`)
  }
}
main().catch((e) => { console.error(e); process.exit(1) })
