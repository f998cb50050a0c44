// Does the article model gain from more training questions? Every STARD question (train and dev split)
// is given candidate features by the ranker of the other four folds (5 folds over all 1,235, the team's
// content known throughout), then each fold is re-ordered by models trained on the other folds: 50 %,
// 66 % and the train split's share of their questions drawn at random, their train-split questions (the
// model the bench's dev row is scored with) and all of their questions (as production's model is trained).
// Scored on the held fold's questions only, so no question is ever ranked by a model or a ranker that saw it.
// npx tsx bench/learning-curve.ts [--cache FILE] [--repeats N]
import { resolve } from 'node:path'
import { createHash } from 'node:crypto'
import { trainArticleModel } from '../server/domain/search/article-model'
import { FOLDS } from './lib/ranker'
import { allQuestionRows, learnedOrder, type QuestionRow } from './lib/learned'
import { add, fmt, score, zero, type Metrics } from './lib/metrics'
import { SHARED, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'

const args = process.argv.slice(2)
const opt = (f: string) => { const i = args.indexOf(f); return i >= 0 ? args[i + 1] : undefined }

async function main() {
  const t0 = Date.now()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const rows = await allQuestionRows(all, loadDefaultCorpus, loadLexicon(), opt('--cache'))
  console.log(`features in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  const repeats = Number(opt('--repeats') ?? 3)
  const trainShare = rows.filter(r => !r.dev).length / rows.length
  const plans: Array<{ name: string, pick: (rs: QuestionRow[], seed: number) => QuestionRow[], seeded: boolean }> = [
    { name: 'half of the other folds', pick: (rs, s) => sample(rs, 0.5, s), seeded: true },
    { name: 'two thirds of the other folds', pick: (rs, s) => sample(rs, 2 / 3, s), seeded: true },
    { name: `a random ${(trainShare * 100).toFixed(0)} % (as many as the train split's part)`, pick: (rs, s) => sample(rs, trainShare, s), seeded: true },
    { name: 'their train-split questions only (the dev row\'s model)', pick: rs => rs.filter(r => !r.dev), seeded: false },
    { name: 'all their questions (train and dev; as production\'s model)', pick: rs => rs, seeded: false },
  ]
  console.log(`\n${rows.length} questions (${rows.filter(r => r.dev).length} dev), ${FOLDS} folds over all of them; features from the other folds' rankers\n`)
  console.log('| model trained on, per held fold | training questions (mean) | hit@5 | hit@10 | recall@10 | recall@100 | MRR | hit@10 train-split questions | hit@10 dev-split questions |')
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const p of plans) {
    let m = zero(), mt = zero(), md = zero(), sizes = 0, runs = 0
    for (let rep = 0; rep < (p.seeded ? repeats : 1); rep++) {
      for (let f = 0; f < FOLDS; f++) {
        const training = p.pick(rows.filter(r => r.fold !== f), rep * 100 + f)
        sizes += training.length; runs++
        const model = trainArticleModel(training)
        for (const r of rows.filter(r => r.fold === f)) {
          const s = score(learnedOrder(model, r), r.q.relevant)
          m = add(m, s)
          if (r.dev) md = add(md, s)
          else mt = add(mt, s)
        }
      }
    }
    const h10 = (x: Metrics) => fmt(x)[1]
    console.log(`| ${p.name}${p.seeded ? ` (${repeats} draws)` : ''} | ${(sizes / runs).toFixed(0)} | ${fmt(m).join(' | ')} | ${h10(mt)} | ${h10(md)} |`)
  }
  console.log(`\n(candidate lists as ranked, without the page's version/text dedupe; total ${((Date.now() - t0) / 1000).toFixed(0)} s)`)
}

/** A deterministic share of rows (by a seeded hash of their question ids). */
function sample<T extends { q: { id: string } }>(rows: readonly T[], share: number, seed: number): T[] {
  const key = (id: string) => createHash('sha1').update(`${seed}:${id}`).digest().readUInt32BE(0)
  return [...rows].sort((a, b) => key(a.q.id) - key(b.q.id)).slice(0, Math.round(rows.length * share))
}

main().catch((e) => { console.error(e); process.exit(1) })
