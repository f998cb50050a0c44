// Search-quality bench: plain Meilisearch vs the production statute ranker on plain-language questions.
// npx tsx bench/search-quality.ts [questions.jsonl] [--host URL --key KEY] [--rebuild] [--split train|dev|all] [--verbose N] [--no-knowledge] [--no-cases] [--no-engine] [--ranker-tuning JSON] [--expansion W]
// A questions file other than the STARD train file is a held-out set: every question in it is ranked as
// production ranks a new question (knowledge: the whole STARD train file and the team's content, as the
// seed loads them, minus any known question with the same text; the production article model, which was
// trained on every question of the STARD train file, so a file of those measures memory and is flagged).
// npx tsx bench/search-quality.ts heldout.jsonl --no-engine   (one object a line: id, question, relevant)
// --no-engine: only the in-memory rankers (no plain Meilisearch row, no case bench).
// --no-case-bench: skip the case relevance (nDCG@5) and library-search latency rows; --cases-only: only those.
// The production ranker's knowledge holds ONLY train-split questions (+ the case library's 常见问法,
// as the seed does): dev questions are never known; train questions are scored by 5-fold (a fold's
// questions are ranked by a ranker built without them).
import { join, resolve } from 'node:path'
import { Meilisearch } from 'meilisearch'
import { startEmbeddedMeili } from '../server/adapters/search/embedded'
import { productionKnowledge, trainKnowledge } from './lib/knowledge'
import { caseBench } from './lib/case-bench'
import { benchModel, buildBenchRanker, foldOf, rankerFor, type BenchRanker } from './lib/ranker'
import { add, fmt, score, zero } from './lib/metrics'
import { rewriteQuery } from '../server/domain/search/query'
import { CASE_CITATION_SCORING, CASE_MIN_FUSED, CASE_MIN_SCORE } from '../server/domain/cases/search'
import { MATCH_DEPTH, STATUTE_MIN_MATCH, type KnownQuestionNeighbours, type StatuteRanker, type StatuteRankerTuning } from '../server/domain/search/statute-ranker'
import { readFileSync, realpathSync } from 'node:fs'
import { SHARED, readJsonl, editorialNotInForceLaws, loadDefaultCorpus, loadQuestions, loadLexicon, ensureIndex, baselineSettings, isDev, type Question } from './lib/data'

const BASELINE_INDEX = 'statutes_baseline'

function parseArgs(argv: string[]) {
  const o: { file?: string, host?: string, key?: string, rebuild: boolean, split: 'all' | 'train' | 'dev', verbose: number, dir: string, baseline: boolean, knowledge: boolean, cases: boolean, rTuning?: Partial<StatuteRankerTuning>, engine: boolean, caseBench: boolean, casesOnly?: boolean, expansion?: number } = { rebuild: false, split: 'all', verbose: 0, dir: '.data/bench-meili', baseline: true, knowledge: true, cases: true, engine: true, caseBench: true }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--host') o.host = argv[++i]
    else if (a === '--key') o.key = argv[++i]
    else if (a === '--rebuild') o.rebuild = true
    else if (a === '--split') o.split = argv[++i] as 'all' | 'train' | 'dev'
    else if (a === '--verbose') o.verbose = Number(argv[++i])
    else if (a === '--no-baseline') o.baseline = false
    else if (a === '--no-knowledge') o.knowledge = false
    else if (a === '--no-cases') o.cases = false
    else if (a === '--ranker-tuning') o.rTuning = JSON.parse(argv[++i]!)
    else if (a === '--no-engine') o.engine = false
    else if (a === '--no-case-bench') o.caseBench = false
    else if (a === '--cases-only') o.casesOnly = true
    else if (a === '--expansion') o.expansion = Number(argv[++i])
    else if (a === '--dir') o.dir = argv[++i]!
    else if (!a.startsWith('--')) o.file = a
  }
  return o
}

async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i]!) }
  }))
  return out
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (args.casesOnly) return printCaseBench(args.verbose)
  const t0 = Date.now()
  const lexicon = loadLexicon()
  console.log(`lexicon: ${lexicon.entries.length} approved entries, ${lexicon.domains?.length ?? 0} domains`)
  const stard = resolve(SHARED, 'eval/stard_train.jsonl')
  const file = resolve(args.file ?? stard)
  let qs: Question[] = await loadQuestions(file)
  // a file of other questions is held out: ranked as production ranks new questions
  const heldOut = realpathSync(file) !== realpathSync(stard)
  if (heldOut) args.split = 'all'
  let kb: ReturnType<typeof trainKnowledge> = []
  if (args.knowledge && heldOut) {
    const k = productionKnowledge(await loadQuestions(stard), qs, args.cases)
    kb = k.docs
    console.log(`held-out file: ${qs.length} questions, each ranked as production ranks a new question; knowledge: ${kb.length} known-question rows (the STARD train file, both splits${args.cases ? ', + case 常见问法 + the 常见问法 per article' : ''}; ${k.leftOut} with the same text as a held-out question left out)`)
    if (k.leftOut) console.log(`WARNING: ${k.leftOut} questions of this file are in the STARD train file, which production's article model was trained on: their figures measure memory, not search`)
  } else if (args.knowledge) {
    // knowledge is built from the whole file's TRAIN split, whatever split is evaluated
    kb = trainKnowledge(qs, args.cases)
    console.log(`knowledge: ${kb.length} known-question rows (train split${args.cases ? ' + case 常见问法 + the 常见问法 per article, one row an article' : ''}; dev never, train leave-one-out)`)
  }

  let corpus: Awaited<ReturnType<typeof loadDefaultCorpus>> | undefined
  const docs = async () => (corpus ??= await loadDefaultCorpus())

  // the production ranker, in memory, from the same corpus (one per train fold, one for dev)
  const tr = Date.now()
  const plain = buildBenchRanker(await docs(), [], { expansion: false }).ranker
  console.log(`ranker: ${plain.size} articles, ${plain.index.postings} postings (no knowledge), built in ${((Date.now() - tr) / 1000).toFixed(1)} s`)
  let single: BenchRanker | undefined
  const corpusDocs = await docs()
  const production = heldOut
    ? () => (single ??= buildBenchRanker(corpusDocs, kb, { expansionWeight: args.expansion }))
    : rankerFor(corpusDocs, kb, { expansionWeight: args.expansion })
  // the article order: production's for a held-out question; for a dev question the model trained on the train split,
  // for a train question the hand-tuned one (benchModel)
  const modelFor = (id: string) => heldOut ? undefined : benchModel(id)

  let client: Meilisearch | undefined
  let stop: (() => Promise<void>) | undefined
  if (args.engine) {
    let host = args.host, key = args.key
    if (!host) {
      const m = await startEmbeddedMeili({ dir: resolve(process.cwd(), args.dir) })
      host = m.host; key = m.apiKey; stop = m.stop
      console.log(`embedded Meilisearch at ${host} (${args.dir})`)
    }
    client = new Meilisearch({ host, apiKey: key })
    await ensureIndex(client, BASELINE_INDEX, baselineSettings(), docs, args.rebuild)
  }
  const devId = heldOut ? qs[0]?.id : qs.find(q => isDev(q.id))?.id
  if (args.split !== 'all') qs = qs.filter(q => (args.split === 'dev') === isDev(q.id))
  console.log(`questions: ${qs.length} (${args.split}) from ${file}`)

  // how many relevant ids are in the indexed corpus
  const present = new Set((await docs()).map(d => d.id))
  const relPairs = qs.reduce((s, q) => s + q.relevant.length, 0)
  const relPresent = qs.reduce((s, q) => s + q.relevant.filter(x => present.has(x)).length, 0)
  const qAny = qs.filter(q => q.relevant.some(x => present.has(x))).length

  const sums = { base: zero(), lex: zero(), prod: zero() }
  const t1 = Date.now()
  const rankMs: number[] = []
  const matches: number[] = []
  // rank fold by fold (sorted by fold), so the fold rankers are built one after another
  if (args.knowledge && !heldOut) qs = [...qs].sort((a, b) => (isDev(a.id) ? -1 : foldOf(a.id)) - (isDev(b.id) ? -1 : foldOf(b.id)))
  const rows = await pool(qs, 4, async (q) => {
    const rw = rewriteQuery(q.question, lexicon)
    const lexIds = plain.rank(rw, null, { depth: 100, tuning: args.rTuning }).ranked.map(x => x.id)
    const prod = args.knowledge ? production(q.id) : undefined
    const tq = performance.now()
    const prodRes = prod ? prod.ranker.rank(rw, prod.knowledge, { depth: 100, tuning: args.rTuning, model: modelFor(q.id) }) : undefined
    const prodIds = prodRes ? prodRes.ranked.map(x => x.id) : []
    if (prod) rankMs.push(performance.now() - tq)
    if (prodRes) matches.push(prodRes.match)
    let bIds: string[] = []
    if (client && args.baseline) bIds = (await client.index(BASELINE_INDEX).search(q.question, { limit: 100, attributesToRetrieve: ['id'] })).hits.map(h => (h as { id: string }).id)
    return { q, prodIds, b: score(bIds, q.relevant), l: score(lexIds, q.relevant), p: score(prodIds, q.relevant) }
  })
  for (const r of rows) {
    sums.base = add(sums.base, r.b)
    sums.lex = add(sums.lex, r.l); sums.prod = add(sums.prod, r.p)
  }
  const secs = (Date.now() - t1) / 1000

  if (args.verbose) {
    const misses = rows.filter(r => !r.p.hit10).slice(0, args.verbose)
    for (const r of misses) console.log(`MISS ${r.q.id} ${r.q.question} → rel ${r.q.relevant.join(',')}`)
  }

  console.log(`\nrelevant ids present in the indexed corpus: ${relPresent}/${relPairs} (${(100 * relPresent / relPairs).toFixed(1)}%); questions with ≥1 present: ${qAny}/${qs.length}`)
  console.log(`questions: ${qs.length} in ${secs.toFixed(1)} s; total ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  if (rankMs.length) {
    const ms = [...rankMs].sort((a, b) => a - b)
    console.log(`production ranking in memory: p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, p95 ${ms[Math.floor(ms.length * 0.95)]!.toFixed(1)} ms per question (${plain.size} articles)`)
  }
  console.log('')
  console.log('| system | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR |')
  console.log('|---|---|---|---|---|---|---|')
  if (client && args.baseline) console.log(`| baseline (plain Meilisearch) | ${sums.base.n} | ${fmt(sums.base).join(' | ')} |`)
  console.log(`| BM25 ranker + lexicon | ${sums.lex.n} | ${fmt(sums.lex).join(' | ')} |`)
  if (args.knowledge) console.log(`| BM25 ranker + lexicon + expansion by known questions + similar questions + law prior (production${heldOut ? '; held-out file' : args.split === 'dev' ? '; dev: the article model of the train split' : '; train 5-fold, hand-tuned order; dev: the article model of the train split'}) | ${sums.prod.n} | ${fmt(sums.prod).join(' | ')} |`)
  if (args.knowledge) inForceReport(rows.map(r => ({ q: r.q, ids: r.prodIds })), await notInForceIds(), heldOut)
  if (args.knowledge && devId) weakMatchReport(matches, production(devId), lexicon)
  await stop?.()

  if (args.engine && args.caseBench) await printCaseBench(args.verbose)
}

async function printCaseBench(verbose: number) {
  {
    // cases and speed: a private portal context (PGlite + bundled Meilisearch, priority statutes, demo cases)
    const c = await caseBench(m => console.log(m))
    console.log('')
    console.log('| cases (team-judged set) | n | nDCG@5 | hit@1 | hit@5 |')
    console.log('|---|---|---|---|---|')
    console.log(`| library search, case results | ${c.n} | ${c.ndcg5.toFixed(3)} | ${c.hit1.toFixed(3)} | ${c.hit5.toFixed(3)} |`)
    if (verbose) for (const m of c.misses.slice(0, verbose)) console.log(`CASE MISS ${m}`)
    console.log('')
    console.log(`| weak-match cut-off: engine ranking score a word match needs (production ${CASE_MIN_SCORE}) | fused score a case needs (production ${CASE_MIN_FUSED.toFixed(4)}) | nDCG@5 | hit@5 | cases listed per question | listed cases judged relevant | judged-relevant cases listed |`)
    console.log('|---|---|---|---|---|---|---|')
    for (const x of c.cutoff) console.log(`| ${x.minScore} | ${x.minFused.toFixed(4)} | ${x.ndcg5.toFixed(3)} | ${x.hit5.toFixed(3)} | ${x.listed.toFixed(1)} | ${x.precision.toFixed(3)} | ${x.recall.toFixed(3)} |`)
    console.log('')
    console.log('| case order: citations of the best articles add up by | nDCG@5 | hit@1 | hit@5 |')
    console.log('|---|---|---|---|')
    for (const x of c.scoring) console.log(`| ${x.scoring}${x.scoring === CASE_CITATION_SCORING ? ' (production)' : ''} | ${x.ndcg5.toFixed(3)} | ${x.hit1.toFixed(3)} | ${x.hit5.toFixed(3)} |`)
    console.log('')
    console.log(`library search (in process: ranked first, then one engine round trip) p50 ${c.libraryP50.toFixed(2)} ms; one plain Meilisearch query on the cases index p50 ${c.meiliP50.toFixed(2)} ms; ratio ${(c.libraryP50 / c.meiliP50).toFixed(2)}× (sequential, same engine, same run)`)
  }
}

/**
 * The weak-match cut-off for articles: how well the best articles match the question's own words
 * (RankResult.match) for the legal questions ranked above, and for everyday questions that are not
 * about law (bench/data/off-topic.json, ranked with the dev ranker), per threshold.
 */
function weakMatchReport(legal: number[], r: { ranker: StatuteRanker, knowledge: KnownQuestionNeighbours }, lexicon: ReturnType<typeof loadLexicon>) {
  const offTopic = (JSON.parse(readFileSync(resolve(import.meta.dirname, 'data/off-topic.json'), 'utf8')) as { questions: string[] }).questions
    .map(q => r.ranker.rank(rewriteQuery(q, lexicon), r.knowledge, { depth: 10 }).match)
  const below = (xs: number[], t: number) => xs.filter(x => x < t).length / Math.max(1, xs.length)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  console.log(`\nweak-match cut-off for articles (match = share of the question's idf mass the best of the first ${MATCH_DEPTH} articles holds; production ${STATUTE_MIN_MATCH}):`)
  console.log(`median match: legal questions ${median(legal).toFixed(2)} (${legal.length}), off-topic questions ${median(offTopic).toFixed(2)} (${offTopic.length})`)
  console.log('| threshold | legal questions answered without articles | off-topic questions answered without articles |')
  console.log('|---|---|---|')
  for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) console.log(`| ${t} | ${below(legal, t).toFixed(3)} | ${below(offTopic, t).toFixed(3)} |`)
}

/** Ids of every article not in force: the dataset's flag and the seeded editorial records (read here, so the report runs on any ranker version). */
async function notInForceIds(): Promise<Set<string>> {
  const out = new Set<string>()
  const marked = editorialNotInForceLaws()
  for await (const r of readJsonl<{ id: string, law_id: string, in_force?: boolean }>(join(SHARED, 'statutes/statutes.jsonl.gz'))) {
    if (r.in_force === false || marked.has(r.law_id)) out.add(r.id)
  }
  return out
}

/**
 * Law in force (issue 11): some expert labels point to articles that are no longer in force (the
 * 婚姻法/合同法/担保法 interpretations repealed on 2021-01-01, superseded versions). The ranker never
 * ranks those, so a question labelled only with them cannot be hit. Prints how many labels that is,
 * the production row scored two ways (all labels as given; labels not in force dropped and questions
 * left without a label skipped), and how many articles not in force reached a first page (must be 0).
 */
function inForceReport(rows: Array<{ q: Question, ids: string[] }>, notInForce: ReadonlySet<string>, heldOut = false) {
  const labels = rows.reduce((n, r) => n + r.q.relevant.length, 0)
  const repealedLabels = rows.reduce((n, r) => n + r.q.relevant.filter(id => notInForce.has(id)).length, 0)
  const someRepealed = rows.filter(r => r.q.relevant.some(id => notInForce.has(id))).length
  const onlyRepealed = rows.filter(r => r.q.relevant.length && r.q.relevant.every(id => notInForce.has(id))).length
  const leaked = rows.filter(r => r.ids.slice(0, 10).some(id => notInForce.has(id))).length
  console.log(`\nlaw in force: ${repealedLabels}/${labels} expert labels point to articles of the corpus that are not in force; ${someRepealed} questions have one, ${onlyRepealed} have only such labels`)
  console.log(`questions whose first page (top 10) holds an article not in force: ${leaked}/${rows.length}`)
  console.log('| split | scoring | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR |')
  console.log('|---|---|---|---|---|---|---|---|')
  for (const split of heldOut ? ['held-out'] as const : ['train', 'dev'] as const) {
    const part = split === 'held-out' ? rows : rows.filter(r => (split === 'dev') === isDev(r.q.id))
    if (!part.length) continue
    let all = zero(), inForce = zero()
    for (const r of part) {
      all = add(all, score(r.ids, r.q.relevant))
      const rel = r.q.relevant.filter(id => !notInForce.has(id))
      if (rel.length) inForce = add(inForce, score(r.ids, rel))
    }
    console.log(`| ${split}${split === 'train' ? ' (5-fold)' : ''} | all labels as given | ${all.n} | ${fmt(all).join(' | ')} |`)
    console.log(`| ${split}${split === 'train' ? ' (5-fold)' : ''} | labels in force only | ${inForce.n} | ${fmt(inForce).join(' | ')} |`)
  }
}

main().catch((e) => { console.error(e); process.exit(1) })
