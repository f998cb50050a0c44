// Does the article model, trained on features of rankers that knew ~818 STARD questions (the other train folds),
// still fit when the ranker knows more? Production seeds all 1,235. Dev questions are ranked three ways with the
// model trained on the train split (bench/lib/ranker.ts trainSplitModel; production's own has seen them), never
// with their own links:
//   (a) train knowledge (1,022 known; the bench's dev row),
//   (b) train + the dev questions of the other four dev folds (~1,192 known; about production's size),
//   (c) train without one train fold (~818 known; the size the model was trained at).
// npx tsx bench/knowledge-size.ts
import { resolve } from 'node:path'
import { rewriteQuery } from '../server/domain/search/query'
import { stardKnownQuestion } from '../server/domain/search/known-questions'
import { trainKnowledge } from './lib/knowledge'
import { FOLDS, buildBenchRanker, foldOf, trainSplitModel, type BenchRanker } from './lib/ranker'
import { add, fmt, score, zero, type Metrics } from './lib/metrics'
import { SHARED, isDev, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'

async function main() {
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const kb = trainKnowledge(all, true)
  const dev = all.filter(q => isDev(q.id))
  const known = (r: BenchRanker) => r.knowledge.size
  const train = buildBenchRanker(docs, kb)
  const fewer = buildBenchRanker(docs, kb.filter(k => k.source !== 'stard' || foldOf(k.id) !== 0))
  const rows: Array<{ name: string, known: number[], m: Metrics }> = [
    { name: '(a) train knowledge', known: [known(train)], m: zero() },
    { name: '(b) train + the other dev folds', known: [], m: zero() },
    { name: '(c) train without fold 0', known: [known(fewer)], m: zero() },
  ]
  const rank = (r: BenchRanker, q: typeof dev[number]) => score(r.ranker.rank(rewriteQuery(q.question, lexicon), r.knowledge, { depth: 100, model: trainSplitModel() }).ranked.map(x => x.id), q.relevant)
  for (let g = 0; g < FOLDS; g++) {
    const more = buildBenchRanker(docs, [...kb, ...dev.filter(q => foldOf(q.id) !== g).map(q => stardKnownQuestion(q))])
    rows[1]!.known.push(known(more))
    for (const q of dev.filter(q => foldOf(q.id) === g)) {
      rows[0]!.m = add(rows[0]!.m, rank(train, q))
      rows[1]!.m = add(rows[1]!.m, rank(more, q))
      rows[2]!.m = add(rows[2]!.m, rank(fewer, q))
    }
  }
  console.log(`dev ${dev.length} questions, train-split model; similar-question set sizes include the cases' questions`)
  console.log('| knowledge | similar-question set | hit@5 | hit@10 | recall@10 | recall@100 | MRR |\n|---|---|---|---|---|---|---|')
  for (const r of rows) console.log(`| ${r.name} | ${Math.min(...r.known)}–${Math.max(...r.known)} | ${fmt(r.m).join(' | ')} |`)
}
main().catch((e) => { console.error(e); process.exit(1) })
