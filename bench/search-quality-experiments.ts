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
//   npx tsx bench/search-quality-experiments.ts --lexicon <extra.json> [--written-from '[0,1,2]']
//       lay→legal lexicon entries in a separate file (same format as content/lexicon/*.json) added to the
//       production lexicon; printed per fold and for the folds whose misses the entries were NOT written
//       from (--written-from: the folds whose misses were read while writing them)
//   npx tsx bench/search-quality-experiments.ts --roles
//       question type × article role (amounts, time limits, procedure, criminal penalty) and two-stage
//       (the best laws first, then articles by terms rare in their law) re-orderings of the candidates
//   npx tsx bench/search-quality-experiments.ts --translation '[{"support":3,"lift":3,"perTerm":3,"weight":0.2,"max":10}]'
//       a learned lay→legal translation table (server/domain/search/translation.ts) fitted per fold from the
//       same known questions as the fold's ranker (never the question's own fold), its translations added to
//       the query terms at weight × P(legal | lay); "bm25Only": true keeps them out of the similar-question search;
//       "minIdf": only question terms that rare in the statutes are translated; "model": "ibm1" estimates the table
//       by IBM Model 1; "negation": w adds 未X/无X for 没(有)X at weight w; --changed lists the questions that move
//   npx tsx bench/search-quality-experiments.ts --translation-docs '[{"aggregate":true,"support":3,"lift":2,"perTerm":20,"order":"p","minDocLift":3,"weight":0.2,"max":10}]'
//       document side: every article no known question of the fold links is also found by the lay terms its own
//       terms translate to (the fold's legal → lay table), `max` of them at `weight` (rebuilds the rankers)
import { resolve } from 'node:path'
import { rewriteQuery } from '../server/domain/search/query'
import { LexicalIndexBuilder, groupLayout, termCounts, type GroupLayout, type LexicalIndex } from '../server/domain/search/lexical-index'
import { DEFAULT_RANKER_TUNING, KnownQuestionNeighbours, expansionsByStatute, type StatuteRanker, type StatuteRankerTuning } from '../server/domain/search/statute-ranker'
import type { FeatureContext } from '../server/domain/search/article-model'
import { trainKnowledge } from './lib/knowledge'
import { foldOf, rankerFor, type BenchRankerOptions } from './lib/ranker'
import { add, fmt, score, zero, type Metrics } from './lib/metrics'
import { SHARED, isDev, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'
import { ARTICLE_ROLES, QUESTION_TYPES } from './lib/roles'
import { readFileSync } from 'node:fs'
import { validateLexicon, type LexiconEntry } from '../server/domain/search/lexicon'
import { TranslationTable, pairTerms as pairTermsOf, type TranslationFit } from './lib/translation'
import { StatuteRanker as StatuteRankerClass } from '../server/domain/search/statute-ranker'

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

/** Lay→legal entries from a separate file, measured against the production lexicon under the same protocol. */
async function lexiconExtra(dev: boolean) {
  const file = process.argv[process.argv.indexOf('--lexicon') + 1]!
  const written: number[] = process.argv.includes('--written-from') ? JSON.parse(process.argv[process.argv.indexOf('--written-from') + 1]!) : []
  const base = loadLexicon()
  const { approved, errors } = validateLexicon((JSON.parse(readFileSync(file, 'utf8')) as { entries: LexiconEntry[] }).entries)
  if (errors.length) throw new Error(errors.join('\n'))
  const ids = new Set(base.entries.map(e => e.id))
  for (const e of approved) if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`)
  const lexicons = [{ name: 'production', lexicon: base }, { name: `+ ${approved.length} entries`, lexicon: { ...base, entries: [...base.entries, ...approved] } }]
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const rankers = rankerFor(docs, trainKnowledge(all, true))
  const qs = all.filter(q => isDev(q.id) === dev).sort((a, b) => foldOf(a.id) - foldOf(b.id))
  const sums = lexicons.map(() => zero()), unseen = lexicons.map(() => zero())
  const hits = lexicons.map(() => [] as number[])
  const folds = lexicons.map(() => [] as Metrics[])
  let touched = 0
  const changed: string[] = []
  qs.forEach((q, qi) => {
    const r = rankers(q.id)
    const fold = dev ? 0 : foldOf(q.id)
    const rws = lexicons.map(l => rewriteQuery(q.question, l.lexicon))
    if (rws[1]!.legalTerms.join() !== rws[0]!.legalTerms.join()) touched++
    lexicons.forEach((_, i) => {
      const m = score(r.ranker.rank(rws[i]!, r.knowledge, { depth: 100, model: null }).ranked.map(x => x.id), q.relevant)
      sums[i] = add(sums[i]!, m)
      if (!written.includes(fold)) unseen[i] = add(unseen[i]!, m)
      hits[i]![qi] = m.hit10
      folds[i]![fold] = add(folds[i]![fold] ?? zero(), m)
    })
    if (hits[1]![qi] !== hits[0]![qi]) changed.push(`${hits[1]![qi]! > hits[0]![qi]! ? '+' : '−'} fold ${fold} ${q.id} ${q.question.slice(0, 40)} | ${rws[1]!.matches.map(m => m.key).join(' ')}`)
  })
  console.log(`\n${dev ? 'dev' : 'train 5-fold'} (${qs.length} questions; ${touched} get other legal terms from the new entries)`)
  console.log(`| lexicon | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR | hit@10 gained / lost | hit@10 per fold |${written.length ? ` folds not read (${[0, 1, 2, 3, 4].filter(f => !written.includes(f)).join(',')}): hit@5 / hit@10 / recall@10 / recall@100 |` : ''}`)
  console.log(`|---|---|---|---|---|---|---|---|---|${written.length ? '---|' : ''}`)
  lexicons.forEach((l, i) => {
    const gained = hits[i]!.filter((x, j) => x > hits[0]![j]!).length, lost = hits[i]!.filter((x, j) => x < hits[0]![j]!).length
    const u = fmt(unseen[i]!)
    console.log(`| ${l.name} | ${sums[i]!.n} | ${fmt(sums[i]!).join(' | ')} | +${gained} / −${lost} | ${folds[i]!.map(f => fmt(f)[1]).join(' ')} |${written.length ? ` ${u.slice(0, 4).join(' / ')} (n ${unseen[i]!.n}) |` : ''}`)
  })
  if (!dev) for (const c of changed) console.log(c)
}

/** Question type × article role and two-stage re-orderings of the hand-tuned candidates. */
async function roles(dev: boolean) {
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const text = new Map(docs.map(d => [d.id, d.text]))
  const rankers = rankerFor(docs, trainKnowledge(all, true))
  const qs = all.filter(q => isDev(q.id) === dev).sort((a, b) => foldOf(a.id) - foldOf(b.id))
  const kinds = Object.keys(ARTICLE_ROLES) as Array<keyof typeof ARTICLE_ROLES>
  const variants: Record<string, Metrics> = {}
  const hits: Record<string, number[]> = {}
  const folds: Record<string, Metrics[]> = {}
  const lawArrays = new WeakMap<object, { lawOf: Uint32Array, groups: GroupLayout }>()
  let typed = 0
  qs.forEach((q, qi) => {
    const fold = dev ? 0 : foldOf(q.id)
    const put = (name: string, ids: string[]) => {
      const m = score(ids, q.relevant)
      variants[name] = add(variants[name] ?? zero(), m);
      (hits[name] ??= [])[qi] = m.hit10
      const f = (folds[name] ??= [])
      f[fold] = add(f[fold] ?? zero(), m)
    }
    const r = rankers(q.id)
    const rw = rewriteQuery(q.question, lexicon)
    let ctx!: FeatureContext
    let top: Array<{ doc: number, score: number }> = []
    r.ranker.rank(rw, r.knowledge, { depth: 100, model: null, onCandidates: (c, t) => { ctx = c; top = [...t] } })
    const ids = r.ranker.index.ids
    const base = new Map(top.map(x => [x.doc, x.score]))
    const cands = top.map(x => x.doc)
    const order = (f: (d: number) => number) => [...cands].sort((a, b) => f(b) - f(a) || a - b).map(d => ids[d]!)
    put('base', order(d => base.get(d)!))
    // question type × article role
    const qt = kinds.filter(k => QUESTION_TYPES[k].test(rw.normalized))
    if (qt.length) typed++
    const role = (d: number) => { const t = text.get(ids[d]!) ?? ''; return qt.filter(k => ARTICLE_ROLES[k].test(t)).length }
    for (const w of [0.05, 0.1, 0.2]) put(`question type × article role, + ${w}`, order(d => base.get(d)! + w * role(d)))
    for (const k of kinds) if (qt.includes(k)) put(`only ${k} + 0.1`, order(d => base.get(d)! + (ARTICLE_ROLES[k].test(text.get(ids[d]!) ?? '') ? 0.1 : 0)))
    else put(`only ${k} + 0.1`, order(d => base.get(d)!))
    // two-stage: the best laws by the sum of their three best candidates, then within them the
    // article-specific terms (idf counted inside the law), the other laws after
    let la = lawArrays.get(r.ranker)
    if (!la) {
      const lawOf = new Uint32Array(ids.length)
      let n = 0
      for (let d = 0; d < ids.length; d++) { lawOf[d] = ctx.lawOf(d); n = Math.max(n, lawOf[d]! + 1) }
      la = { lawOf, groups: groupLayout(lawOf, n) }; lawArrays.set(r.ranker, la)
    }
    const perLaw = new Map<number, number[]>()
    for (const x of top) { const l = ctx.lawOf(x.doc); const a = perLaw.get(l) ?? []; if (a.length < 3) a.push(x.score); perLaw.set(l, a) }
    const lawScore = [...perLaw.entries()].map(([l, a]) => ({ l, s: a.reduce((x, y) => x + y, 0) })).sort((a, b) => b.s - a.s)
    const local = r.ranker.index.groupScores(ctx.queryTerms, cands, la.lawOf, la.groups)
    let lmax = 0; for (const x of local) lmax = Math.max(lmax, x)
    const loc = new Map(cands.map((d, i) => [d, lmax > 0 ? local[i]! / lmax : 0]))
    for (const L of [2, 3]) {
      const best = new Set(lawScore.slice(0, L).map(x => x.l))
      for (const g of [0, 0.3, 0.6]) put(`two-stage: top ${L} laws first, + ${g} × law-local`, order(d => (best.has(ctx.lawOf(d)) ? 10 : 0) + base.get(d)! + g * loc.get(d)!))
    }
    for (const g of [0.3, 0.6]) {
      const best = new Set(lawScore.slice(0, 3).map(x => x.l))
      put(`top 3 laws: + ${g} × law-local (no forcing)`, order(d => base.get(d)! + (best.has(ctx.lawOf(d)) ? g * loc.get(d)! : 0)))
    }
  })
  console.log(`\n${dev ? 'dev' : 'train 5-fold'} (${qs.length} questions, ${typed} with a question type), candidates: the hand-tuned ranking's best 220`)
  console.log('| variant | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR | hit@10 gained / lost vs base | hit@10 per fold |')
  console.log('|---|---|---|---|---|---|---|---|---|')
  const b = hits.base!
  for (const [k, m] of Object.entries(variants)) {
    const h = hits[k]!
    const gained = h.filter((x, i) => x > b[i]!).length, lost = h.filter((x, i) => x < b[i]!).length
    console.log(`| ${k} | ${m.n} | ${fmt(m).join(' | ')} | +${gained} / −${lost} | ${folds[k]!.map(f => fmt(f)[1]).join(' ')} |`)
  }
}

/** Negation as the law writes it: 没(有)X / 没X → 未X, 无X (没签 → 未签, 没留遗嘱 → 无遗, 没有遗嘱 → 无遗). */
function negationTerms(normalized: string): string[] {
  const out = new Set<string>()
  for (const m of normalized.matchAll(/没有?([\u4e00-\u9fff])/g)) { out.add(`未${m[1]}`); out.add(`无${m[1]}`) }
  return [...out]
}

/** Learned lay→legal translations added to the query terms, fitted from each fold's own knowledge. */
async function translation(dev: boolean) {
  // minIdf: only question terms at least this rare in the statutes are translated (the words the law does not use)
  // phrases: the translations are the lexicon's legal words (not character pairs), added like its legal terms
  type Config = Partial<TranslationFit> & { weight: number, max: number, bm25Only?: boolean, negation?: number, minIdf?: number, phrases?: boolean }
  const configs: Array<Config | null> = [null, ...JSON.parse(process.argv[process.argv.indexOf('--translation') + 1]!) as Config[]]
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const text = new Map(docs.map(d => [d.id, d.text]))
  const kb = trainKnowledge(all, true)
  const rankers = rankerFor(docs, kb)
  const qs = all.filter(q => isDev(q.id) === dev).sort((a, b) => foldOf(a.id) - foldOf(b.id))
  // the translation table of a fold: fitted from exactly the known questions its ranker was built with
  const tables = new Map<string, TranslationTable>()
  const tableOf = (fold: number, c: Config) => {
    const key = `${fold}/${c.support}/${c.lift}/${c.perTerm}/${c.minP}/${c.order}/${c.model}/${c.iterations}/${c.phrases}`
    let t = tables.get(key)
    if (!t) {
      const t0 = performance.now()
      const known = kb.filter(k => k.source !== 'stard' || fold < 0 || foldOf(k.id) !== fold)
      t = TranslationTable.fit(known, id => text.get(id), c.phrases ? { ...c, targets: [...new Set(lexicon.entries.flatMap(e => e.legal))] } : c)
      tables.set(key, t)
      console.log(`fold ${fold} ${JSON.stringify(c)}: ${t.size} question terms translated, fitted in ${((performance.now() - t0) / 1000).toFixed(1)} s; 工资 → ${t.of('工资').map(x => `${x.term} ${x.p.toFixed(2)}`).join(', ')}; 老板 → ${t.of('老板').map(x => `${x.term} ${x.p.toFixed(2)}`).join(', ')}`)
    }
    return t
  }
  // the hook: the ranker's query terms plus the active table's translations
  let active: { table: TranslationTable, c: Config } | null = null
  let plain: Map<string, number> | null = null
  const patched = new WeakSet<object>()
  const patch = (r: StatuteRanker) => {
    if (patched.has(r)) return
    patched.add(r)
    r.queryTerms = function (rw, lw, u) {
      const q = StatuteRankerClass.prototype.queryTerms.call(this, rw, lw, u)
      plain = new Map(q)
      if (active?.c.negation) for (const t of negationTerms(rw.normalized)) if (!q.has(t)) q.set(t, active.c.negation)
      if (!active) return q
      if (active.c.phrases) {
        for (const [t, w] of active.table.expand(new Map(q), active.c.weight, active.c.max)) if (!q.has(t)) termCounts(t, w, q)
        return q
      }
      const minIdf = active.c.minIdf
      if (!minIdf) return active.table.expand(q, active.c.weight, active.c.max)
      const src = new Map([...q].filter(([t]) => this.index.idf(t) >= minIdf))
      for (const [t, w] of active.table.expand(new Map(src), active.c.weight, active.c.max)) if (!src.has(t) && !q.has(t)) q.set(t, w)
      return q
    }
  }
  const sums = configs.map(() => zero())
  const hits = configs.map(() => [] as number[])
  const folds = configs.map(() => [] as Metrics[])
  const ms = configs.map(() => [] as number[])
  const changed: string[] = []
  let missLinked = 0, missUnlinked = 0
  const linkSets = new Map<number, Set<string>>()
  const linksOf = (fold: number) => {
    let s = linkSets.get(fold)
    if (!s) { s = new Set(kb.filter(k => k.source !== 'stard' || fold < 0 || foldOf(k.id) !== fold).flatMap(k => k.statuteIds)); linkSets.set(fold, s) }
    return s
  }
  qs.forEach((q, qi) => {
    const r = rankers(q.id)
    patch(r.ranker)
    const fold = dev ? -1 : foldOf(q.id)
    const rw = rewriteQuery(q.question, lexicon)
    configs.forEach((c, i) => {
      active = c ? { table: c.weight > 0 ? tableOf(fold, c) : new TranslationTable(new Map()), c } : null
      // bm25Only: the similar-question search reads the question's terms without the translations
      const k = c?.bm25Only ? { linked: (_t: ReadonlyMap<string, number>, o: Parameters<KnownQuestionNeighbours['linked']>[1]) => r.knowledge.linked(plain!, o), linkCounts: () => r.knowledge.linkCounts() } as unknown as KnownQuestionNeighbours : r.knowledge
      const t0 = performance.now()
      const ids = r.ranker.rank(rw, k, { depth: 100, model: null }).ranked.map(x => x.id)
      ms[i]!.push(performance.now() - t0)
      const m = score(ids, q.relevant)
      sums[i] = add(sums[i]!, m)
      hits[i]![qi] = m.hit10
      folds[i]![Math.max(fold, 0)] = add(folds[i]![Math.max(fold, 0)] ?? zero(), m)
      if (i === 0 && !m.hit10) {
        // a miss: does any known question of the fold's knowledge link one of the expert's articles?
        const links = linksOf(fold)
        if (q.relevant.some(id => links.has(id))) missLinked++; else missUnlinked++
      }
      if (i === 1 && m.hit10 !== hits[0]![qi]) {
        const added = [...active!.table.expand(new Map(plain!), c!.weight, c!.max).keys()].filter(x => !plain!.has(x))
        changed.push(`${m.hit10 > hits[0]![qi]! ? '+' : '−'} ${q.id} ${q.question.slice(0, 40)} | ${added.join(' ')}`)
      }
    })
    if ((qi + 1) % 200 === 0) console.log(`${qi + 1}/${qs.length}`)
  })
  active = null
  console.log(`\n${dev ? 'dev' : 'train 5-fold'} (${qs.length} questions; production misses: ${missLinked} with an expert article some known question links, ${missUnlinked} with none linked)`)
  console.log('| translation | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR | hit@10 gained / lost vs production | hit@10 per fold | rank p50 / p95 ms |')
  console.log('|---|---|---|---|---|---|---|---|---|---|')
  configs.forEach((c, i) => {
    const gained = hits[i]!.filter((x, j) => x > hits[0]![j]!).length, lost = hits[i]!.filter((x, j) => x < hits[0]![j]!).length
    const sorted = [...ms[i]!].sort((a, b) => a - b)
    console.log(`| ${c ? JSON.stringify(c) : 'production'} | ${sums[i]!.n} | ${fmt(sums[i]!).join(' | ')} | +${gained} / −${lost} | ${folds[i]!.map(f => fmt(f)[1]).join(' ')} | ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} / ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} |`)
  })
  if (process.argv.includes('--changed')) for (const x of changed) console.log(x)
}

/**
 * Document-side translation: every article no known question of the fold links is also found by the lay
 * terms its own terms translate to (legal → lay table of the fold), `max` of them at `weight` each.
 */
async function translationDocs(dev: boolean) {
  // aggregate: the article's lay terms by Σ over its terms of P(lay | term) ÷ |terms|, divided by the lay
  // term's share of the known questions (lift ≥ minDocLift), instead of the single best term's P
  type Config = Partial<TranslationFit> & { weight: number, max: number, aggregate?: boolean, minDocLift?: number, shuffle?: boolean }
  const configs: Config[] = JSON.parse(process.argv[process.argv.indexOf('--translation-docs') + 1]!)
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const text = new Map(docs.map(d => [d.id, d.text]))
  const kb = trainKnowledge(all, true).map(k => ({ ...k, answer: '' }))
  const qs = all.filter(q => isDev(q.id) === dev).sort((a, b) => foldOf(a.id) - foldOf(b.id))
  const runs: Array<{ name: string, hits: number[], sum: Metrics, folds: Metrics[] }> = []
  for (const c of [null, ...configs]) {
    const cache = new Map<number, ReturnType<ReturnType<typeof rankerFor>>>()
    const rankerOf = (qid: string) => {
      const fold = isDev(qid) ? -1 : foldOf(qid)
      let r = cache.get(fold)
      if (!r) {
        const known = kb.filter(k => k.source !== 'stard' || fold < 0 || foldOf(k.id) !== fold)
        let extra: typeof known = []
        if (c) {
          const table = TranslationTable.fit(known, id => text.get(id), { ...c, direction: 'legal' })
          const linked = new Set(known.flatMap(k => k.statuteIds))
          const layShare = new Map<string, number>()
          for (const k of known) for (const t of pairTermsOf(k.question)) layShare.set(t, (layShare.get(t) ?? 0) + 1)
          for (const d of docs) {
            if (linked.has(d.id)) continue
            let words: string[]
            if (c.aggregate) {
              const own = pairTermsOf(d.text)
              const sum = new Map<string, number>()
              for (const a of own) for (const { term, p } of table.of(a)) sum.set(term, (sum.get(term) ?? 0) + p / own.size)
              words = [...sum.entries()].filter(([t]) => !d.text.includes(t)).map(([t, v]) => [t, v / ((layShare.get(t) ?? 1) / known.length)] as const)
                .filter(([, l]) => l >= (c.minDocLift ?? 2)).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, c.max).map(([t]) => t)
            }
            else {
              const lay = table.expand(new Map([...pairTermsOf(d.text)].map(t => [t, 1])), 1, c.max)
              words = [...lay.keys()].filter(t => !d.text.includes(t))
            }
            if (words.length) extra.push({ id: `tr-${d.id}`, source: 'case', question: '', keywords: '', answer: words.join(' '), statuteIds: [d.id] })
          }
          // control: each article gets the next article's lay terms (same terms and lengths, no association)
          if (c.shuffle) extra = extra.map((x, i) => ({ ...x, answer: extra[(i + 1) % extra.length]!.answer }))
          console.log(`fold ${fold}: ${extra.length} unlinked articles get lay terms; e.g. ${extra[0]?.statuteIds[0]}: ${extra[0]?.answer}`)
        }
        r = rankerFor(docs, [...known, ...extra], c ? { answerExpansion: c.weight } : {})(qid)
        extra = []
        cache.set(fold, r)
      }
      return r
    }
    const run = { name: c ? JSON.stringify(c) : 'production', hits: [] as number[], sum: zero(), folds: [] as Metrics[] }
    qs.forEach((q, qi) => {
      const r = rankerOf(q.id)
      const m = score(r.ranker.rank(rewriteQuery(q.question, lexicon), r.knowledge, { depth: 100, model: null }).ranked.map(x => x.id), q.relevant)
      run.sum = add(run.sum, m)
      run.hits[qi] = m.hit10
      const f = dev ? 0 : foldOf(q.id)
      run.folds[f] = add(run.folds[f] ?? zero(), m)
    })
    runs.push(run)
    cache.clear()
  }
  console.log(`\n${dev ? 'dev' : 'train 5-fold'} (${qs.length} questions)`)
  console.log('| document-side translation | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR | hit@10 gained / lost vs production | hit@10 per fold |')
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const r of runs) {
    const gained = r.hits.filter((x, j) => x > runs[0]!.hits[j]!).length, lost = r.hits.filter((x, j) => x < runs[0]!.hits[j]!).length
    console.log(`| ${r.name} | ${r.sum.n} | ${fmt(r.sum).join(' | ')} | +${gained} / −${lost} | ${r.folds.map(f => fmt(f)[1]).join(' ')} |`)
  }
}

async function main() {
  const dev = process.argv.includes('--dev')
  if (process.argv.includes('--translation-docs')) return translationDocs(dev)
  if (process.argv.includes('--translation')) return translation(dev)
  if (process.argv.includes('--lexicon')) return lexiconExtra(dev)
  if (process.argv.includes('--roles')) return roles(dev)
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
      const b = ctx.bm25(d), k = (ctx.know.get(d) ?? 0) * t.knowledge
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
