// Candidate features for the learned article order, measured before they are computed in the ranker:
// each is appended to the cached features of learn-ranker.ts and the model is trained and scored
// nested 5-fold exactly as `learn-ranker.ts --quick` (train split only; dev is never read).
//   npx tsx bench/learn-ranker.ts --cache /tmp/features.json --quick   (writes the cache once)
//   npx tsx bench/learn-ranker-extra.ts /tmp/features.json [SETS]
// SETS (comma-separated; `a+b` for several at once; '' = production's features only):
//   textCoverage  coverage of the article's own text (no 常见问法), textPairs the same over word pairs,
//   faqOnly       coverage − textCoverage (what the 常见问法 add), titleCoverage the law's title,
//   nbLaw/nbLogLaw naive Bayes P(law | question) over the 常见问法 word pairs (content only, no STARD),
//   faqBest/faqBestCov/faqBestRank  the article's best single 常见问法: idf-weighted cosine with the question, the share
//                  of the question it holds, and the cosine's place among the candidates,
//   lawCov/lawBm/lawN/lawTop10  the law's best coverage and BM25 among the candidates, its share of them
//                  and of the first ten, prod/sq/cross products and squares of eight features,
//   roles         what the question asks (ask:amount …) and what the article is (is:amount …), bench/lib/roles.ts, and
//                 their products (match:…; `match` alone: the products only)
// Idfs come from a ranker without known questions (the production index also counts the expansions),
// so these are estimates of what a feature adds, not production figures.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { rewriteQuery } from '../server/domain/search/query'
import { FEATURE_NAMES } from '../server/domain/search/article-model'
import { StatuteRankerBuilder } from '../server/domain/search/statute-ranker'
import { lexicalTerms } from '../server/domain/search/lexical-index'
import { loadFaqKnowledge } from '../server/domain/cases/content'
import { foldOf } from './lib/ranker'
import { fmt } from './lib/metrics'
import { nestedScores } from './lib/learned'
import { SHARED, isDev, loadDefaultCorpus, loadLexicon, loadQuestions } from './lib/data'
import { ALL_ROLES, ALL_TYPES } from './lib/roles'

const EXTRA = ['textCoverage', 'titleCoverage', 'textPairs', 'faqOnly', 'nbLaw', 'nbLogLaw', 'lawCov', 'lawBm', 'lawN', 'lawTop10', 'faqBest', 'faqBestCov', 'faqBestRank']
const PRODUCT_OF = ['bm25', 'coverage', 'lawShare', 'links', 'neighbourCoverage', 'lawLocal', 'known', 'rank']
const fi = (n: string) => FEATURE_NAMES.indexOf(n as typeof FEATURE_NAMES[number])

async function main() {
  const cacheFile = process.argv[2]
  if (!cacheFile) throw new Error('usage: npx tsx bench/learn-ranker-extra.ts CACHE.json [SETS]')
  const lexicon = loadLexicon()
  const all = await loadQuestions(resolve(SHARED, 'eval/stard_train.jsonl'))
  const docs = await loadDefaultCorpus()
  const b = new StatuteRankerBuilder()
  for (const d of docs) b.add(d)
  const r = b.build()
  const byId = new Map(docs.map(d => [d.id, d]))
  const termSets = new Map<string, Set<string>>()
  const termsOf = (s: string) => { let x = termSets.get(s); if (!x) { x = new Set(lexicalTerms(s)); termSets.set(s, x) } return x }
  const idf = (t: string) => r.index.idf(t) || 10
  const lawPosterior = naiveBayesLaws(byId)
  // each article's 常见问法, one term-count map a question
  const faqLines = new Map<string, Array<Map<string, number>>>()
  for (const k of loadFaqKnowledge(resolve(process.cwd(), 'content'))) {
    faqLines.set(k.statuteIds[0]!, k.question.split('\n').map((line) => {
      const m = new Map<string, number>()
      for (const t of lexicalTerms(line)) m.set(t, (m.get(t) ?? 0) + 1)
      return m
    }))
  }
  const train = all.filter(q => !isDev(q.id)).sort((a, b) => foldOf(a.id) - foldOf(b.id))
  const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as Array<{ ids: string[], features: number[][] }>
  if (cached.length !== train.length || cached[0]?.features[0]?.length !== FEATURE_NAMES.length) throw new Error(`${cacheFile} is not learn-ranker.ts's cache of these ${FEATURE_NAMES.length} features`)
  const productNames: string[] = []
  for (let a = 0; a < PRODUCT_OF.length; a++) for (let c = a + 1; c < PRODUCT_OF.length; c++) productNames.push(`${PRODUCT_OF[a]}*${PRODUCT_OF[c]}`)
  for (const a of PRODUCT_OF) productNames.push(`${a}^2`)
  const kinds = Object.keys(ALL_ROLES) as Array<keyof typeof ALL_ROLES>
  const roleNames = [...kinds.map(k => `ask:${k}`), ...kinds.map(k => `is:${k}`), ...kinds.map(k => `match:${k}`)]
  const names = [...FEATURE_NAMES, ...EXTRA, ...productNames, ...roleNames]
  const rows = train.map((q, i) => {
    const rw = rewriteQuery(q.question, lexicon)
    const terms = r.queryTerms(rw, 0.5)
    let total = 0, pairsTotal = 0
    for (const [t, w] of terms) { total += w * idf(t); if (t.length === 2) pairsTotal += w * idf(t) }
    const posterior = lawPosterior(rw.normalized)
    const c = cached[i]!
    const laws = new Map<string, { cov: number, bm: number, n: number, top10: number }>()
    c.ids.forEach((id, k) => {
      const law = byId.get(id)!.law_id
      const a = laws.get(law) ?? { cov: 0, bm: 0, n: 0, top10: 0 }
      a.cov = Math.max(a.cov, c.features[k]![fi('coverage')]!)
      a.bm = Math.max(a.bm, c.features[k]![fi('bm25')]!)
      a.n++
      if (k < 10) a.top10++
      laws.set(law, a)
    })
    // the best single 常见问法 of each candidate: idf-weighted cosine with the question, and the share of the question it holds
    let qNorm = 0
    for (const [t, w] of terms) qNorm += (w * idf(t)) ** 2
    qNorm = Math.sqrt(qNorm)
    const best = c.ids.map((id) => {
      let cos = 0, cov = 0
      for (const line of faqLines.get(id) ?? []) {
        let dot = 0, norm = 0, held = 0
        for (const [t, n] of line) norm += (n * idf(t)) ** 2
        for (const [t, w] of terms) { const n = line.get(t); if (n) { dot += w * idf(t) * n * idf(t); held += w * idf(t) } }
        if (norm > 0 && qNorm > 0) cos = Math.max(cos, dot / (qNorm * Math.sqrt(norm)))
        if (total > 0) cov = Math.max(cov, held / total)
      }
      return { cos, cov }
    })
    const byBest = best.map((_, i) => i).sort((a, b) => best[b]!.cos - best[a]!.cos || a - b)
    const bestRank = new Array<number>(best.length)
    byBest.forEach((i, r) => { bestRank[i] = r })
    const asks = kinds.map(k => (ALL_TYPES[k].test(rw.normalized) ? 1 : 0))
    const relevant = new Set(q.relevant)
    return {
      q, fold: foldOf(q.id), ids: c.ids, relevant: c.ids.map(id => relevant.has(id)),
      features: c.features.map((x, k) => {
        const d = byId.get(c.ids[k]!)!
        const text = termsOf(d.text), title = termsOf(d.law_title)
        let held = 0, heldTitle = 0, heldPairs = 0
        for (const [t, w] of terms) {
          const v = w * idf(t)
          if (text.has(t)) { held += v; if (t.length === 2) heldPairs += v }
          if (title.has(t)) heldTitle += v
        }
        const textCoverage = total > 0 ? held / total : 0
        const p = posterior.get(d.law_id) ?? 0
        const l = laws.get(d.law_id)!
        const out = [...x, textCoverage, total > 0 ? heldTitle / total : 0, pairsTotal > 0 ? heldPairs / pairsTotal : 0, x[fi('coverage')]! - textCoverage,
          p, Math.log(1e-6 + p) / 14 + 1, l.cov, l.bm, l.n / 100, l.top10 / 10, best[k]!.cos, best[k]!.cov, 1 / (1 + bestRank[k]!)]
        const ps = PRODUCT_OF.map(fi)
        for (let a = 0; a < ps.length; a++) for (let e = a + 1; e < ps.length; e++) out.push(x[ps[a]!]! * x[ps[e]!]!)
        for (const a of ps) out.push(x[a]! * x[a]!)
        const is = kinds.map(k => (ALL_ROLES[k].test(d.text) ? 1 : 0))
        out.push(...asks, ...is, ...is.map((v, j) => v * asks[j]!))
        return out
      }),
    }
  })
  const sets = process.argv[3] ?? ',textCoverage,titleCoverage,textPairs,faqOnly,nbLaw,nbLogLaw,lawCov,lawBm,lawN,lawTop10,prod,sq,cross'
  console.log('| features (train, nested 5-fold) | hit@5 | hit@10 | recall@10 | recall@100 | MRR |\n|---|---|---|---|---|---|')
  for (const set of sets.split(',')) {
    const use = set === 'roles' ? roleNames : set === 'match' ? roleNames.filter(n => n.startsWith('match:')) : set === 'prod' ? productNames : set === 'sq' ? productNames.filter(n => n.endsWith('^2')) : set === 'cross' ? productNames.filter(n => n.includes('*')) : set ? set.split('+') : []
    for (const u of use) if (!names.includes(u)) throw new Error(`unknown feature ${u}`)
    const keep = names.map((n, i) => i < FEATURE_NAMES.length || use.includes(n))
    const view = rows.map(x => ({ ...x, features: x.features.map(f => f.filter((_, i) => keep[i])) }))
    const { learned } = nestedScores(view, { epochs: 200, l2: 1e-3 })
    console.log(`| ${set ? `+ ${set}` : 'production\'s features'} | ${fmt(learned).join(' | ')} |`)
  }
}

/** P(law | question) by naive Bayes over word pairs, from the 常见问法 (each question's law); add-0.1 smoothing. */
function naiveBayesLaws(byId: ReadonlyMap<string, { law_id: string }>): (question: string) => Map<string, number> {
  const counts = new Map<string, Map<string, number>>()
  const totals = new Map<string, number>()
  const vocab = new Set<string>()
  for (const k of loadFaqKnowledge(resolve(process.cwd(), 'content'))) {
    const law = byId.get(k.statuteIds[0]!)?.law_id
    if (!law) continue
    let m = counts.get(law)
    if (!m) { m = new Map(); counts.set(law, m) }
    for (const t of lexicalTerms(k.question)) {
      if (t.length !== 2) continue
      m.set(t, (m.get(t) ?? 0) + 1)
      totals.set(law, (totals.get(law) ?? 0) + 1)
      vocab.add(t)
    }
  }
  const alpha = 0.1
  return (question) => {
    const pairs = lexicalTerms(question).filter(t => t.length === 2 && vocab.has(t))
    const logs = [...counts].map(([law, m]) => {
      const n = totals.get(law)!
      let s = 0
      for (const t of pairs) s += Math.log(((m.get(t) ?? 0) + alpha) / (n + alpha * vocab.size))
      return [law, s] as const
    })
    const max = Math.max(...logs.map(x => x[1]))
    const z = logs.reduce((a, x) => a + Math.exp(x[1] - max), 0)
    return new Map(logs.map(([law, s]) => [law, Math.exp(s - max) / z]))
  }
}

main().catch((e) => { console.error(e); process.exit(1) })
