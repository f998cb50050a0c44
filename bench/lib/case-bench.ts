// Case relevance and library-search latency, on a private portal context (PGlite + the bundled
// Meilisearch in a temporary folder, priority statutes, the demo case library): nDCG@5 of the
// case results against the team's judged set (bench/data/case-relevance.json), and the sequential
// p50 of a library search against one plain Meilisearch query on the same engine, in the same run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createAppContext } from '../../server/app-context'
import { CASES_INDEX } from '../../server/adapters/search/definitions/cases'
import { loadConfig } from '../../server/config'
import { seedSteps } from '../../server/seed'
import { searchLibrary, type CitationScoring } from '../../server/domain/cases/search'
import { librarySearchDeps } from '../../server/utils/library'
import { pendingOutboxCount } from '../../server/repositories/search-outbox'
import { ndcg } from './metrics'

interface Judged { q: string, relevant: Record<string, number> }

export interface CaseBenchResult {
  n: number
  ndcg5: number
  hit1: number
  hit5: number
  /** Sequential p50 (ms) of searchLibrary and of one plain query on the cases index. */
  libraryP50: number
  meiliP50: number
  misses: string[]
  /** The weak-match cut-off measured: per threshold, nDCG@5, hit@5, cases listed, and of the listed cases the judged-relevant share (precision) and of the judged-relevant cases the share listed (recall). */
  cutoff: Array<{ minScore: number, minFused: number, ndcg5: number, hit5: number, listed: number, precision: number, recall: number }>
  /** The case order by how citations of the best articles add up (search.ts CitationScoring), production cut-off. */
  scoring: Array<{ scoring: CitationScoring, ndcg5: number, hit1: number, hit5: number }>
}

/** [engine ranking score, fused score] pairs tried as the case cut-off (CASE_MIN_SCORE, CASE_MIN_FUSED are the production values). */
export const CUTOFF_GRID: ReadonlyArray<readonly [number, number]> = [[0, 0], [0.3, 0], [0.3, 1 / 20], [0.3, 1 / 18], [0.3, 1 / 16], [0.3, 1 / 14], [0.3, 1 / 12], [0.5, 1 / 16]]

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function caseBench(log: (m: string) => void = () => {}): Promise<CaseBenchResult> {
  const set = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/case-relevance.json'), 'utf8')) as { questions: Judged[] }
  const dir = mkdtempSync(join(tmpdir(), 'case-bench-'))
  const config = loadConfig({ ...process.env, NUXT_DATA_DIR: dir, NUXT_SEED_STATUTES: 'priority', NUXT_SEED_DEMO: 'true', NUXT_SEED_DEMO_PASSWORD: 'Bench-Passw0rd-only', DATABASE_URL: '', NUXT_DATABASE_URL: '', NUXT_MEILISEARCH_HOST: '' })
  const ctx = await createAppContext(config, { log: () => {}, seedSteps })
  try {
    await ctx.indexesReady
    for (let i = 0; i < 600 && (await pendingOutboxCount(ctx.db)) > 0; i++) await new Promise(r => setTimeout(r, 500))
    await ctx.statuteRanker.refresh()
    const deps = await librarySearchDeps(ctx)
    const meili = ctx.search!
    const casesUid = ctx.search!.uid(CASES_INDEX)
    let sum = 0, hit1 = 0, hit5 = 0
    const misses: string[] = []
    const lib: number[] = [], raw: number[] = []
    for (const round of [0, 1]) {
      for (const j of set.questions) {
        let t0 = performance.now()
        const r = await searchLibrary(deps, { q: j.q, page: 1, limit: 10 })
        lib.push(performance.now() - t0)
        t0 = performance.now()
        await meili.search.multiSearch({ queries: [{ indexUid: casesUid, q: j.q, limit: 10 }] }) // one plain query, the portal's HTTP client
        raw.push(performance.now() - t0)
        if (round) continue
        const slugs = r.cases.hits.map(h => h.slug)
        sum += ndcg(slugs, j.relevant, 5)
        if ((j.relevant[slugs[0] ?? ''] ?? 0) > 0) hit1++
        if (slugs.slice(0, 5).some(s => (j.relevant[s] ?? 0) > 0)) hit5++
        else misses.push(`${j.q} → ${slugs.slice(0, 3).join(', ') || '(none)'}`)
      }
    }
    log(`case bench: ${set.questions.length} judged questions, ${lib.length} library searches`)
    const n = set.questions.length
    const cutoff: CaseBenchResult['cutoff'] = []
    for (const [minScore, minFused] of CUTOFF_GRID) {
      let nd = 0, h5 = 0, listed = 0, relListed = 0, judged = 0
      for (const j of set.questions) {
        // the whole list (it is short), to count what the cut-off keeps and drops
        const r = await searchLibrary({ ...deps, caseMinScore: minScore, caseMinFused: minFused }, { q: j.q, page: 1, limit: 50 })
        const slugs = r.cases.hits.map(h => h.slug)
        nd += ndcg(slugs, j.relevant, 5)
        if (slugs.slice(0, 5).some(s => (j.relevant[s] ?? 0) > 0)) h5++
        listed += slugs.length
        relListed += slugs.filter(s => (j.relevant[s] ?? 0) > 0).length
        judged += Object.values(j.relevant).filter(g => g > 0).length
      }
      cutoff.push({ minScore, minFused, ndcg5: nd / n, hit5: h5 / n, listed: listed / n, precision: listed ? relListed / listed : 0, recall: judged ? relListed / judged : 0 })
    }
    const scoring: CaseBenchResult['scoring'] = []
    for (const sc of ['sum', 'max', 'bm25'] as const) {
      let nd = 0, h1 = 0, h5 = 0
      for (const j of set.questions) {
        const slugs = (await searchLibrary({ ...deps, caseCitationScoring: sc }, { q: j.q, page: 1, limit: 10 })).cases.hits.map(h => h.slug)
        nd += ndcg(slugs, j.relevant, 5)
        if ((j.relevant[slugs[0] ?? ''] ?? 0) > 0) h1++
        if (slugs.slice(0, 5).some(s => (j.relevant[s] ?? 0) > 0)) h5++
      }
      scoring.push({ scoring: sc, ndcg5: nd / n, hit1: h1 / n, hit5: h5 / n })
    }
    return { n, ndcg5: sum / n, hit1: hit1 / n, hit5: hit5 / n, libraryP50: p50(lib), meiliP50: p50(raw), misses, cutoff, scoring }
  } finally {
    await ctx.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
