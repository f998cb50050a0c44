// Load bench for the library search: N concurrent clients ask real plain-language questions
// (STARD, data/eval/stard_train.jsonl) of the portal's /api/search AND of Meilisearch
// directly (same indexes, the equivalent raw query), in the same run, and compares latency.
//
//   npx tsx bench/search-load.ts [--clients 8] [--seconds 20] [--url http://127.0.0.1:3000]
//                                [--meili-host http://127.0.0.1:7700 --meili-key KEY] [--prefix ''] [--data-dir .data]
// The key may come from MEILI_KEY in the environment instead (kept off the process list; load-setup.sh does that).
//
// Preparation (the figures only mean something on the full corpus):
//   npm run import:statutes -- --full     # 147k articles into PostgreSQL + the statutes index
//   npm run import:bulk-cases             # 11k judgments into the separate bulk_cases index
//   npm run build && npm run serve        # the portal on :3000 (PORT=3000)
// With the embedded Meilisearch the bench finds its address from the running process (same data
// folder) and reads the master key from <data-dir>/keys/meili-master.key. Only 127.0.0.1 is accepted.
import { CASE_CANDIDATES, expandedTerms } from '../server/domain/cases/search'
import { loadLexicon } from './lib/data'
import { discoverMeili, percentile, shuffledTrainQuestions } from './lib/http'

interface Opts { clients: number, seconds: number, url: string, meiliHost?: string, meiliKey?: string, prefix: string, dataDir: string, maxRequests: number }

function parseArgs(argv: string[]): Opts {
  const o: Opts = { clients: 8, seconds: 20, url: 'http://127.0.0.1:3000', prefix: '', dataDir: '.data', maxRequests: 200_000 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const v = () => argv[++i]!
    if (a === '--clients') o.clients = Math.min(64, Math.max(1, Number(v())))
    else if (a === '--seconds') o.seconds = Math.min(300, Math.max(1, Number(v())))
    else if (a === '--url') o.url = v()
    else if (a === '--meili-host') o.meiliHost = v()
    else if (a === '--meili-key') o.meiliKey = v()
    else if (a === '--prefix') o.prefix = v()
    else if (a === '--data-dir') o.dataDir = v()
  }
  return o
}

function assertLocal(u: string, what: string) {
  const host = new URL(u).hostname
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`${what} must be on 127.0.0.1 (got ${host})`)
}

interface RunResult { name: string, latencies: number[], errors: number, ms: number }

async function run(name: string, opts: Opts, questions: string[], once: (q: string) => Promise<boolean>): Promise<RunResult> {
  const latencies: number[] = []
  let errors = 0
  let next = 0
  const t0 = performance.now()
  const deadline = t0 + opts.seconds * 1000
  await Promise.all(Array.from({ length: opts.clients }, async () => {
    while (performance.now() < deadline && latencies.length + errors < opts.maxRequests) {
      const q = questions[next++ % questions.length]!
      const s = performance.now()
      try {
        if (await once(q)) latencies.push(performance.now() - s)
        else errors++
      } catch {
        errors++
      }
    }
  }))
  return { name, latencies: latencies.sort((a, b) => a - b), errors, ms: performance.now() - t0 }
}

function report(r: RunResult) {
  const l = r.latencies
  const f = (n: number) => n.toFixed(1).padStart(8)
  console.log(`${r.name.padEnd(22)} n=${String(l.length).padStart(6)} err=${String(r.errors).padStart(4)}  p50${f(percentile(l, 50))} ms  p95${f(percentile(l, 95))} ms  p99${f(percentile(l, 99))} ms  ${(l.length / (r.ms / 1000)).toFixed(1).padStart(7)} req/s`)
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  assertLocal(opts.url, '--url')
  const meili = opts.meiliHost ? { host: opts.meiliHost, key: opts.meiliKey ?? process.env.MEILI_KEY ?? '' } : discoverMeili(opts.dataDir, ': start the portal, or pass --meili-host/--meili-key')
  assertLocal(meili.host, 'Meilisearch')
  // Deterministic shuffle so both targets see the same sequence.
  const questions = await shuffledTrainQuestions()

  const headers = { 'content-type': 'application/json', 'authorization': `Bearer ${meili.key}` }
  const uid = (n: string) => `${opts.prefix}${n}`
  const stats = await (await fetch(`${meili.host}/stats`, { headers })).json() as { indexes: Record<string, { numberOfDocuments: number }> }
  const count = (n: string) => stats.indexes?.[uid(n)]?.numberOfDocuments ?? 0
  console.log(`questions ${questions.length}; clients ${opts.clients}; ${opts.seconds} s per target`)
  console.log(`indexes: statutes ${count('statutes')}, cases ${count('cases')}, bulk_cases ${count('bulk_cases')}`)
  // the full corpus: 147,390 articles, of which 137,422 in force (only those are indexed)
  if (count('statutes') < 130_000) console.log('note: not the full corpus; see the preparation steps at the top of this file')
  if (count('bulk_cases') < 11_000) console.log('note: without the bulk judgments (the portal never reads that index; earlier runs had it beside)')

  // Warm-up, and a check that the portal answers from the engine (not degraded).
  const warm = await fetch(`${opts.url}/api/search?q=${encodeURIComponent(questions[0]!)}`)
  const body = await warm.json() as { degraded?: boolean }
  if (!warm.ok || body.degraded) throw new Error(`portal not ready (status ${warm.status}, degraded ${body.degraded})`)
  const health = await (await fetch(`${opts.url}/api/health`)).json() as { search?: { ranker?: { articles: number } } }
  console.log(`portal statute ranker: ${health.search?.ranker?.articles ?? 'not built'} articles`)

  // the statute and case page ids the portal answered for each question: the "same work" replay reads them
  const pageIds = new Map<string, { statutes: string[], cases: string[] }>()
  const portal = await run('portal /api/search', opts, questions, async (q) => {
    const r = await fetch(`${opts.url}/api/search?q=${encodeURIComponent(q)}&limit=10`)
    const b = await r.json() as { statutes?: { hits?: Array<{ id: string }> }, cases?: { hits?: Array<{ id: string }> }, degraded?: boolean }
    if (r.ok && !b.degraded) pageIds.set(q, { statutes: (b.statutes?.hits ?? []).map(h => h.id), cases: (b.cases?.hits ?? []).map(h => h.id) })
    return r.ok && !b.degraded
  })
  // The equivalent raw query: the same two indexes in one multi-search, 10 hits each, case facets.
  const raw = await run('meilisearch direct', opts, questions, async (q) => {
    const r = await fetch(`${meili.host}/multi-search`, {
      method: 'POST', headers,
      body: JSON.stringify({ queries: [
        { indexUid: uid('statutes'), q, limit: 10, attributesToHighlight: ['text'], attributesToCrop: ['text'], cropLength: 60 },
        { indexUid: uid('cases'), q, limit: 10, facets: ['category', 'groups'], attributesToHighlight: ['summary'] },
      ] }),
    })
    await r.arrayBuffer()
    return r.ok
  })
  // The same engine work the portal does, sent straight to Meilisearch: round trip 1 (every case the
  // words match, with ranking scores, and the library's citations; light fields), round trip 2 (the
  // page of articles and the page of cases by id), with the ids the portal answered. portal ÷ this =
  // the portal's own cost (ranking, fusion, highlighting, HTTP).
  const lexicon = loadLexicon()
  const answered = [...pageIds.keys()]
  const light = ['id', 'category', 'groups', 'statuteIds']
  const same = await run('meilisearch same work', opts, answered, async (q) => {
    const ids = pageIds.get(q)!
    const first = await fetch(`${meili.host}/multi-search`, { method: 'POST', headers, body: JSON.stringify({ queries: [
      { indexUid: uid('cases'), q: expandedTerms(q, lexicon).join(' ') || q, limit: CASE_CANDIDATES, matchingStrategy: 'frequency', locales: ['cmn'], attributesToRetrieve: light, showRankingScore: true },
      { indexUid: uid('cases'), q: '', limit: CASE_CANDIDATES, attributesToRetrieve: light },
    ] }) })
    await first.arrayBuffer()
    const list = (xs: string[]) => xs.map(i => JSON.stringify(i)).join(', ')
    const queries: unknown[] = []
    if (ids.statutes.length) queries.push({ indexUid: uid('statutes'), q: '', limit: ids.statutes.length, filter: `id IN [${list(ids.statutes)}]` })
    if (ids.cases.length) queries.push({ indexUid: uid('cases'), q: '', limit: ids.cases.length, filter: `id IN [${list(ids.cases)}]` })
    if (!queries.length) return first.ok
    const r = await fetch(`${meili.host}/multi-search`, { method: 'POST', headers, body: JSON.stringify({ queries }) })
    await r.arrayBuffer()
    return first.ok && r.ok
  })
  console.log('')
  report(portal)
  report(raw)
  report(same)
  const p95 = (r: RunResult) => percentile(r.latencies, 95)
  console.log(`\nportal p95 / meilisearch p95, one plain query per index  = ${(p95(portal) / p95(raw)).toFixed(2)}× (target ≤ 1.5×)`)
  console.log(`portal p95 / meilisearch p95, the same engine queries   = ${(p95(portal) / p95(same)).toFixed(2)}× (the portal's own overhead)`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
