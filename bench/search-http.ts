// HTTP-level speed of the library search: the built portal's GET /api/search against one raw
// Meilisearch query on the SAME engine, in the same run, sequentially (one request at a time,
// the two interleaved question by question so both see the same machine load).
//
//   npx nuxt build && npx tsx bench/search-http.ts [--port 4910] [--questions 300] [--statutes default|priority]
//   npx tsx bench/search-http.ts --url http://127.0.0.1:3000 --data-dir .data   (a portal already running)
//   npx tsx bench/search-http.ts --url … --meili-host http://127.0.0.1:7790 --meili-key KEY   (or MEILI_KEY in the environment, kept off the process list; a portal on its own engine:
//     bench/load-setup.sh runs it so, on the full corpus of 147k articles, after the load bench)
//
// Without --url it starts the built server (.output) itself on 127.0.0.1:<port> with a throwaway data
// folder (embedded PostgreSQL + the bundled Meilisearch, demo data, the default statute corpus or with
// --statutes priority only the priority laws), waits until the statute ranker has held the same
// articles for 20 s, the outbox is empty and the statutes index holds them all, runs, and stops it. Questions: the STARD file, shuffled deterministically.
// Printed: p50/p95 of the portal, of one raw query on the cases index (what a plain portal would send
// for its first list) and of one raw query on the statutes index (56k articles), and the ratios; the
// portal's own Server-Timing per step and the answer's size. The raw queries go through the client the
// portal uses for its engine round trip (node:http); the same query through fetch is printed for reference.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { postJson } from '../server/adapters/search/multi-search'
import { discoverMeili, percentile, shuffledTrainQuestions } from './lib/http'

interface Opts { url?: string, dataDir?: string, meiliHost?: string, meiliKey?: string, port: number, questions: number, coreOnly: boolean, statutes: 'default' | 'priority' }

function parseArgs(argv: string[]): Opts {
  const o: Opts = { port: 4910, questions: 300, coreOnly: false, statutes: 'default' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--url') o.url = argv[++i]
    else if (a === '--data-dir') o.dataDir = argv[++i]
    else if (a === '--meili-host') o.meiliHost = argv[++i]
    else if (a === '--meili-key') o.meiliKey = argv[++i]
    else if (a === '--port') o.port = Number(argv[++i])
    else if (a === '--questions') o.questions = Math.max(20, Number(argv[++i]))
    else if (a === '--core-only') o.coreOnly = true
    else if (a === '--statutes') o.statutes = argv[++i] === 'priority' ? 'priority' : 'default'
  }
  return o
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
const pct = (xs: number[], p: number) => percentile([...xs].sort((a, b) => a - b), p)

async function startPortal(o: Opts): Promise<{ url: string, dataDir: string, stop: () => Promise<void> }> {
  const entry = resolve('.output/server/index.mjs')
  if (!existsSync(entry)) throw new Error('no built server: run `npx nuxt build` first')
  const dataDir = mkdtempSync(join(tmpdir(), 'search-http-'))
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(o.port), HOST: '127.0.0.1', NUXT_DATA_DIR: dataDir, DATABASE_URL: '', NUXT_DATABASE_URL: '', NUXT_MEILISEARCH_HOST: '', NUXT_SEED_DEMO_PASSWORD: 'Bench-Passw0rd-only', NUXT_SEED_STATUTES: o.statutes },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = async () => {
    if (child.exitCode === null) { child.kill('SIGTERM'); await new Promise(r => child.once('exit', r)) }
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { url: `http://127.0.0.1:${o.port}`, dataDir, stop }
}

/**
 * Ready: healthy, the outbox empty, the ranker holding the whole corpus (or the core laws with
 * --core-only) and the same number of articles for 20 s, and the statutes index holding them all
 * (and, for the whole corpus, no more: a ranker of the core laws only is not ready).
 */
async function waitReady(url: string, engine: () => { host: string, key: string }, coreOnly: boolean): Promise<number> {
  const t0 = Date.now()
  let last = 0
  let since = Date.now()
  for (;;) {
    if (Date.now() - t0 > 30 * 60_000) throw new Error('portal not ready after 30 minutes')
    try {
      const h = await (await fetch(`${url}/api/health`)).json() as { status?: string, search?: { pendingOutbox?: number, ranker?: { articles: number } } }
      const articles = h.search?.ranker?.articles ?? 0
      if (articles !== last) { console.log(`  ranker: ${articles} articles (${((Date.now() - t0) / 1000).toFixed(0)} s)`); last = articles; since = Date.now() }
      if (h.status === 'ok' && h.search?.pendingOutbox === 0 && articles > 0 && (coreOnly || Date.now() - since > 20_000)) {
        const meili = engine()
        const stats = await (await fetch(`${meili.host}/stats`, { headers: { authorization: `Bearer ${meili.key}` } })).json() as { indexes: Record<string, { numberOfDocuments: number, isIndexing: boolean }> }
        const st = Object.entries(stats.indexes).find(([k]) => k.endsWith('statutes'))?.[1]
        // the whole corpus: the ranker holds every indexed article (not the core laws it starts with)
        if (st && !st.isIndexing && st.numberOfDocuments >= articles && (coreOnly || articles >= st.numberOfDocuments)) return articles
      }
    } catch { /* not listening yet */ }
    await sleep(2000)
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2))
  const started = o.url ? null : await startPortal(o)
  try {
    const url = o.url ?? started!.url
    const dataDir = o.dataDir ?? started?.dataDir ?? '.data'
    const engine = () => o.meiliHost ? { host: o.meiliHost, key: o.meiliKey ?? process.env.MEILI_KEY ?? '' } : discoverMeili(dataDir)
    console.log(`portal ${url}; waiting until it is ready …`)
    const articles = await waitReady(url, engine, o.coreOnly || (!o.url && o.statutes === 'priority'))
    const meili = engine()
    const headers = { 'content-type': 'application/json', 'authorization': `Bearer ${meili.key}` }
    const stats = await (await fetch(`${meili.host}/stats`, { headers })).json() as { indexes: Record<string, { numberOfDocuments: number }> }
    const uid = (name: string) => Object.keys(stats.indexes).find(k => k.endsWith(name) && !k.endsWith(`_${name}`) ) ?? name
    console.log(`engine ${meili.host}: statutes ${stats.indexes[uid('statutes')]?.numberOfDocuments}, cases ${stats.indexes[uid('cases')]?.numberOfDocuments}; portal ranker ${articles} articles`)

    const questions = await shuffledTrainQuestions()
    // the portal's own account of each answer (Server-Timing: validate, rewrite, rank, engine, fuse, total) and its size
    const steps: Record<string, number[]> = {}
    const sizes: number[] = []
    let measuring = false
    const portal = async (q: string) => {
      const r = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=10`)
      const body = await r.text()
      const b = JSON.parse(body) as { degraded?: boolean }
      if (!r.ok || b.degraded) throw new Error(`portal answered ${r.status}${b.degraded ? ' (degraded)' : ''}`)
      if (!measuring) return
      sizes.push(Buffer.byteLength(body))
      for (const m of (r.headers.get('server-timing') ?? '').matchAll(/([a-z]+);dur=([\d.]+)/g)) (steps[m[1]!] ??= []).push(Number(m[2]))
    }
    // one plain search of the same question, through the same HTTP client the portal uses for its
    // engine round trip (node:http, kept-alive sockets, Nagle off: server/adapters/search/multi-search.ts)
    const raw = (index: string) => async (q: string) => {
      await postJson(meili.host, meili.key, `/indexes/${uid(index)}/search`, { q, limit: 10 })
    }
    // the same raw query through fetch (undici, as the official client sends it): shown for reference,
    // its small requests wait for delayed TCP acknowledgements on this machine
    const rawFetch = (index: string) => async (q: string) => {
      const r = await fetch(`${meili.host}/indexes/${uid(index)}/search`, { method: 'POST', headers, body: JSON.stringify({ q, limit: 10 }) })
      await r.arrayBuffer()
      if (!r.ok) throw new Error(`meilisearch answered ${r.status}`)
    }
    const targets = { 'portal GET /api/search': portal, 'raw query, cases index': raw('cases'), 'raw query, statutes index': raw('statutes'), 'raw query, cases, via fetch': rawFetch('cases') } as const
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map(k => [k, []]))
    // warm-up (connections, JIT, engine caches), not measured
    for (const q of questions.slice(-20)) for (const f of Object.values(targets)) await f(q)
    measuring = true
    for (const q of questions.slice(0, o.questions)) {
      for (const [name, f] of Object.entries(targets)) {
        const t = performance.now()
        await f(q)
        times[name]!.push(performance.now() - t)
      }
    }
    console.log(`\n${o.questions} questions, sequential, interleaved; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`)
    for (const [name, xs] of Object.entries(times)) console.log(`${name.padEnd(28)} p50 ${pct(xs, 50).toFixed(2).padStart(7)} ms  p95 ${pct(xs, 95).toFixed(2).padStart(7)} ms`)
    console.log(`\nthe portal's Server-Timing (ms; p50 / p95 over the same requests), answer size p50 ${(pct(sizes, 50) / 1024).toFixed(1)} KiB:`)
    for (const [k, xs] of Object.entries(steps)) console.log(`  ${k.padEnd(10)} ${pct(xs, 50).toFixed(2).padStart(7)} / ${pct(xs, 95).toFixed(2).padStart(7)}`)
    const p = times['portal GET /api/search']!, c = times['raw query, cases index']!, s = times['raw query, statutes index']!
    console.log(`\nportal ÷ one raw query on the cases index:    p50 ${(pct(p, 50) / pct(c, 50)).toFixed(1)}×  p95 ${(pct(p, 95) / pct(c, 95)).toFixed(1)}×`)
    console.log(`portal ÷ one raw query on the statutes index: p50 ${(pct(p, 50) / pct(s, 50)).toFixed(1)}×  p95 ${(pct(p, 95) / pct(s, 95)).toFixed(1)}×`)
  } finally {
    await started?.stop()
  }
}

main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1) })
