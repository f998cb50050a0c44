// Keeps one in-memory statute ranker (and its known-question neighbours) per server instance,
// derived from the database and rebuilt when the statutes or the known questions change. Every instance builds the same from
// PostgreSQL, so app servers stay stateless. The server builds a first ranker over the core laws
// before it answers (`bootstrap`); `current()` is null only when no build succeeded (the library search
// then reads the articles from PostgreSQL's word match). Framework-free: the loaders are injected.
import { KnownQuestionNeighbours, StatuteRankerBuilder, type RankerKnownQuestion, type RankerStatute, type StatuteRanker } from './statute-ranker'

export interface RankerSource {
  /** Changes whenever the statute corpus changes (e.g. row count and last completed import). */
  statutesVersion(): Promise<string>
  /** All articles, in batches. */
  statutes(): AsyncIterable<readonly RankerStatute[]>
  /** The core laws' articles only (statute-doc.ts CORE_LAWS): the ranker built at start, in a second. */
  coreStatutes?(): AsyncIterable<readonly RankerStatute[]>
  /** Changes whenever a known question is added, edited or removed. */
  knownVersion(): Promise<string>
  knownQuestions(): Promise<readonly RankerKnownQuestion[]>
}

export interface RankerSnapshot {
  ranker: StatuteRanker
  knowledge: KnownQuestionNeighbours
  statutesVersion: string
  knownVersion: string
  builtAt: number
}

export interface RankerCacheOptions {
  /** How often `current()` may start a version check (ms). */
  checkEveryMs?: number
  log?: (m: string) => void
  now?: () => number
}

export interface RankerCache {
  /** The ranker to use now, or null before the first build. Starts a version check when one is due. */
  current(): RankerSnapshot | null
  /**
   * Checks the versions and rebuilds what changed; resolves when done (one at a time). Called while a
   * check runs, it resolves after one more check that starts when that one ends, so a change made
   * during a build is never missed.
   */
  refresh(): Promise<RankerSnapshot | null>
  /**
   * Builds a first ranker over the core laws, before the server answers (about a second even with
   * the full corpus stored); the next refresh replaces it with the whole corpus. No-op once built.
   */
  bootstrap(): Promise<RankerSnapshot | null>
}

/** Version of a bootstrap snapshot: never equal to a real one, so the next check rebuilds in full. */
export const BOOTSTRAP_VERSION = 'bootstrap'

/** Lets the event loop breathe between batches while a big corpus is tokenised. */
const breathe = () => new Promise<void>(r => setImmediate(r))

export function createRankerCache(src: RankerSource, opts: RankerCacheOptions = {}): RankerCache {
  const checkEvery = opts.checkEveryMs ?? 60_000
  const now = opts.now ?? Date.now
  let snap: RankerSnapshot | null = null
  let running: Promise<RankerSnapshot | null> | null = null
  let lastCheck = -Infinity

  async function buildRanker(known: readonly RankerKnownQuestion[], statutes = src.statutes()): Promise<StatuteRanker> {
    const b = new StatuteRankerBuilder({ known })
    for await (const batch of statutes) {
      for (const s of batch) b.add(s)
      await breathe()
    }
    return b.build()
  }

  async function check(): Promise<RankerSnapshot | null> {
    const [sv, kv] = await Promise.all([src.statutesVersion(), src.knownVersion()])
    if (snap && snap.statutesVersion === sv && snap.knownVersion === kv) return snap
    const t0 = now()
    // the known questions both expand the articles and find neighbours: a change to either rebuilds all
    const known = await src.knownQuestions()
    const ranker = await buildRanker(known)
    const knowledge = new KnownQuestionNeighbours(ranker.index, known)
    snap = { ranker, knowledge, statutesVersion: sv, knownVersion: kv, builtAt: now() }
    opts.log?.(`search: statute ranker ready (${ranker.size} articles, ${knowledge.size} known questions, ${now() - t0} ms)`)
    return snap
  }

  let queued: Promise<RankerSnapshot | null> | null = null
  function refresh(): Promise<RankerSnapshot | null> {
    lastCheck = now()
    // A check under way may have read the versions before the change this call reports (the end of an
    // import): one more check after it, shared by every call made meanwhile.
    if (running) return (queued ??= running.then(() => { queued = null; return refresh() }))
    running = check()
      .catch((e: unknown) => { opts.log?.(`search: statute ranker not rebuilt (${e instanceof Error ? e.message : String(e)})`); return snap })
      .finally(() => { running = null })
    return running
  }

  async function bootstrap(): Promise<RankerSnapshot | null> {
    if (snap || !src.coreStatutes) return snap
    const t0 = now()
    const known = await src.knownQuestions()
    const ranker = await buildRanker(known, src.coreStatutes())
    if (snap) return snap // a full build finished meanwhile
    snap = { ranker, knowledge: new KnownQuestionNeighbours(ranker.index, known), statutesVersion: BOOTSTRAP_VERSION, knownVersion: BOOTSTRAP_VERSION, builtAt: now() }
    opts.log?.(`search: statute ranker of the core laws ready (${ranker.size} articles, ${now() - t0} ms); the whole corpus follows`)
    return snap
  }

  return {
    bootstrap,
    current() {
      if (!running && now() - lastCheck >= (snap ? checkEvery : Math.min(checkEvery, 5_000))) void refresh()
      return snap
    },
    refresh,
  }
}
