// Learns the article model (server/domain/search/article-model.ts) on the STARD TRAIN split only and
// measures it without ever scoring a question with knowledge or weights that saw it:
//   every train question is ranked by the ranker of the other four folds (its own links never expand
//   an article or count as a neighbour), and re-ordered by a model trained on the other four folds'
//   questions only (nested: the features of those questions come from their own fold rankers).
// npx tsx bench/learn-ranker.ts [--dev] [--write] [--epochs N] [--l2 X] [--trees N]
//   --dev    also rank the dev split once (ranker: all train knowledge; model: all train questions)
//   --write  write the model trained on all train questions to bench/data/article-model-train-split.json (the
//            bench's dev row is scored with it), and production's model, trained the same way on every STARD
//            question of both splits (features: bench/lib/learned.ts allQuestionRows; bench/learning-curve.ts
//            measures what the extra questions bring), to server/domain/search/article-model-weights.ts
//   --all-cache FILE  keep allQuestionRows' features between runs
//   --trees  boosted trees on top of the linear model (default ranking-trees.ts TREE_DEFAULTS; 0: linear only)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { rewriteQuery } from '../server/domain/search/query'
import { FEATURE_NAMES, trainArticleModel, type ArticleModel } from '../server/domain/search/article-model'
import { TREE_DEFAULTS } from '../server/domain/search/ranking-trees'
import { trainKnowledge } from './lib/knowledge'
import { FOLDS, TRAIN_SPLIT_MODEL_FILE, foldOf, rankerFor } from './lib/ranker'
import { add, fmt, score, zero, type Metrics } from './lib/metrics'
import { allQuestionRows, nestedScores, type CandidateRow } from './lib/learned'
import { SHARED, isDev, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'

const args = process.argv.slice(2)
const flag = (f: string) => args.includes(f)
const opt = (f: string) => { const i = args.indexOf(f); return i >= 0 ? args[i + 1] : undefined }
const num = (f: string, d: number) => Number(opt(f) ?? d)

async function main() {
  const t0 = Date.now()
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const kb = trainKnowledge(all, true)
  const rankers = rankerFor(docs, kb)
  const train = all.filter(q => !isDev(q.id)).sort((a, b) => foldOf(a.id) - foldOf(b.id)).map(q => ({ q, rw: rewriteQuery(q.question, lexicon), fold: foldOf(q.id) }))
  console.log(`train ${train.length} questions, ${FOLDS} folds; corpus ${docs.length} articles; knowledge ${kb.length}`)
  const cacheFile = opt('--cache')
  type Row = { q: typeof all[number], rw: typeof train[number]['rw'], fold: number, ids: string[], features: number[][], relevant: boolean[] }
  let rows: Row[]
  if (cacheFile && existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as Array<Pick<Row, 'ids' | 'features'>>
    rows = train.map((t, i) => { const rel = new Set(t.q.relevant); return { ...t, ids: cached[i]!.ids, features: cached[i]!.features, relevant: cached[i]!.ids.map(id => rel.has(id)) } })
  } else {
    rows = train.map(({ q, rw, fold }) => {
      const r = rankers(q.id)
      const cands = r.ranker.candidateFeatures(rw, r.knowledge)
      const rel = new Set(q.relevant)
      return { q, rw, fold, ids: cands.map(c => c.id), features: cands.map(c => c.features), relevant: cands.map(c => rel.has(c.id)) }
    })
    if (cacheFile) writeFileSync(cacheFile, JSON.stringify(rows.map(r => ({ ids: r.ids, features: r.features }))))
  }
  const opts = { epochs: num('--epochs', 200), l2: num('--l2', 1e-3), trees: num('--trees', TREE_DEFAULTS.trees) }
  if (flag('--quick')) { quick(rows, { ...opts, below: num('--below', Infinity) }); return }
  console.log(`features of ${rows.length} questions in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${rows.filter(r => r.relevant.some(Boolean)).length} have an expert article among the ${FEATURE_NAMES.length}-feature candidates`)
  let base = zero(), learned = zero()
  const perFold: string[] = []
  for (let f = 0; f < FOLDS; f++) {
    const model = trainArticleModel(rows.filter(r => r.fold !== f), opts)
    let b = zero(), l = zero()
    for (const r of rows.filter(r => r.fold === f)) {
      const rk = rankers(r.q.id)
      b = add(b, score(rk.ranker.rank(r.rw, rk.knowledge, { depth: 100, model: null }).ranked.map(x => x.id), r.q.relevant))
      l = add(l, score(rk.ranker.rank(r.rw, rk.knowledge, { depth: 100, model }).ranked.map(x => x.id), r.q.relevant))
    }
    perFold.push(`fold ${f}: n ${b.n} hit@10 ${fmt(b)[1]} → ${fmt(l)[1]}`)
    base = add(base, b); learned = add(learned, l)
  }
  for (const line of perFold) console.log(line)
  const row = (name: string, m: Metrics) => console.log(`| ${name} | ${m.n} | ${fmt(m).join(' | ')} |`)
  console.log('\n| system (train, 5-fold; model nested) | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR |\n|---|---|---|---|---|---|---|')
  row('hand-tuned score', base)
  row('+ learned article model', learned)
  const final = trainArticleModel(rows, opts)
  console.log(`\nweights (standardised features; and ${final.trees?.length ?? 0} trees):`)
  FEATURE_NAMES.forEach((n, i) => console.log(`  ${n.padEnd(16)} ${final.weights[i]!.toFixed(3)}`))
  if (flag('--dev')) {
    let b = zero(), l = zero()
    for (const q of all.filter(q => isDev(q.id))) {
      const rk = rankers(q.id)
      const rw = rewriteQuery(q.question, lexicon)
      b = add(b, score(rk.ranker.rank(rw, rk.knowledge, { depth: 100, model: null }).ranked.map(x => x.id), q.relevant))
      l = add(l, score(rk.ranker.rank(rw, rk.knowledge, { depth: 100, model: final }).ranked.map(x => x.id), q.relevant))
    }
    console.log('\n| system (dev, unseen) | n | hit@5 | hit@10 | recall@10 | recall@100 | MRR |\n|---|---|---|---|---|---|---|')
    row('hand-tuned score', b)
    row('+ learned article model', l)
  }
  if (flag('--write')) {
    writeFileSync(TRAIN_SPLIT_MODEL_FILE, `${JSON.stringify(modelData(final))}\n`)
    console.log(`wrote ${TRAIN_SPLIT_MODEL_FILE}`)
    const everyQuestion = await allQuestionRows(all, async () => docs, lexicon, opt('--all-cache'))
    writeWeights(trainArticleModel(everyQuestion, opts), everyQuestion.length)
  }
  console.log(`\ntotal ${((Date.now() - t0) / 1000).toFixed(0)} s`)
}

/**
 * Candidate lists only (no version/text dedupe, so a little below the production figures): the
 * nested 5-fold comparison for quick experiments on cached features (--cache FILE --quick).
 */
function quick(rows: readonly CandidateRow[], opts: Parameters<typeof nestedScores>[1]) {
  const drop = (process.env.DROP ?? '').split(',').filter(Boolean).map(n => FEATURE_NAMES.indexOf(n as typeof FEATURE_NAMES[number]))
  const view = rows.map(r => ({ ...r, features: r.features.map(x => x.map((v, i) => drop.includes(i) ? 0 : v)) }))
  const { base, learned } = nestedScores(view, opts)
  console.log(`quick (candidates, nested ${FOLDS}-fold${drop.length ? `, without ${process.env.DROP}` : ''}): hand-tuned ${fmt(base).join(' ')} | learned ${fmt(learned).join(' ')}`)
}

/** What a weights file stores of a model (numbers as written to article-model-weights.ts). */
function modelData(m: ArticleModel) {
  const r = (xs: readonly number[]) => xs.map(x => Number(x.toPrecision(6)))
  return { features: m.features, mean: r(m.mean), std: r(m.std), weights: r(m.weights), trees: m.trees ?? [] }
}

function writeWeights(model: ArticleModel, questions: number) {
  const m = modelData(model)
  const exact = (xs: readonly number[]) => `[${xs.join(', ')}]`
  const file = resolve(import.meta.dirname, '../server/domain/search/article-model-weights.ts')
  const trees = m.trees.map(t => `    { feature: ${exact(t.feature)}, threshold: ${exact(t.threshold)}, left: ${exact(t.left)}, right: ${exact(t.right)}, value: ${exact(t.value)} },\n`).join('')
  writeFileSync(file, `// Generated by \`npx tsx bench/learn-ranker.ts --write\` (all ${questions} STARD questions, both splits; see article-model.ts).
import type { RegressionTree } from './ranking-trees'

export const ARTICLE_MODEL_WEIGHTS: { features: readonly string[], mean: readonly number[], std: readonly number[], weights: readonly number[], trees: readonly RegressionTree[] } = {
  features: ${JSON.stringify(m.features).replace(/","/g, '", "').replace(/"/g, '\'')},
  mean: ${exact(m.mean)},
  std: ${exact(m.std)},
  weights: ${exact(m.weights)},
  trees: [
${trees}  ],
}
`)
  console.log(`wrote ${file}`)
}

main().catch((e) => { console.error(e); process.exit(1) })
