// Dataset loading and statute index building for the search benches.
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { createInterface } from 'node:readline'
import { join, resolve } from 'node:path'
import { createHash } from 'node:crypto'
import type { Meilisearch } from 'meilisearch'
import { toStatuteDoc, inDefaultCorpus, statuteIndexSettings, BASELINE_SEARCHABLE, type StatuteRecord, type StatuteDoc } from '../../server/domain/search/statute-doc'
import { datasetFile } from '../../server/domain/cases/jsonl'
import { validateLexicon, type LexiconEntry, type LexiconDomain, type Lexicon } from '../../server/domain/search/lexicon'

/** The datasets folder, as the server reads it: NUXT_SHARED_DATA_DIR / SHARED_DATA_DIR, default the repository's data/. */
export const SHARED = resolve(process.env.NUXT_SHARED_DATA_DIR || process.env.SHARED_DATA_DIR || resolve(import.meta.dirname, '../../data'))

export async function* readJsonl<T>(name: string): AsyncGenerator<T> {
  const path = datasetFile(name)
  const input = path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path)
  const rl = createInterface({ input, crlfDelay: Infinity })
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as T
}

/** Laws the seeded editorial records take out of force (content/statutes/law-status.json), as production does. */
export function editorialNotInForceLaws(dir = resolve(process.cwd(), 'content/statutes/law-status.json')): Set<string> {
  if (!existsSync(dir)) return new Set()
  const data = JSON.parse(readFileSync(dir, 'utf8')) as { records?: Array<{ lawId: string }> }
  return new Set((data.records ?? []).map(r => r.lawId))
}

/**
 * The default corpus: latest national 法律/行政法规/司法解释 plus the priority file, with the
 * dataset's in_force flag and the seeded editorial records applied (the ranker skips those articles).
 */
export async function loadDefaultCorpus(): Promise<StatuteDoc[]> {
  const docs = new Map<string, StatuteDoc>()
  const marked = editorialNotInForceLaws()
  const doc = (r: StatuteRecord) => toStatuteDoc(marked.has(r.law_id) ? { ...r, in_force: false } : r)
  for await (const r of readJsonl<StatuteRecord>(join(SHARED, 'statutes/statutes.jsonl.gz'))) {
    if (inDefaultCorpus(r)) docs.set(r.id, doc(r))
  }
  for await (const r of readJsonl<StatuteRecord>(join(SHARED, 'statutes/statutes_priority.jsonl'))) docs.set(r.id, doc(r))
  return [...docs.values()]
}

export interface Question { id: string, question: string, keywords?: string, answer?: string, relevant: string[] }

export async function loadQuestions(path: string): Promise<Question[]> {
  const out: Question[] = []
  for await (const q of readJsonl<Question>(path)) out.push(q)
  return out
}

/** Deterministic 20% dev split by hash of the question id. */
export function isDev(id: string): boolean {
  return createHash('sha1').update(id).digest()[0]! % 5 === 0
}

export function loadLexicon(dir = resolve(process.cwd(), 'content/lexicon')): Lexicon {
  const entries: LexiconEntry[] = []
  let domains: LexiconDomain[] = []
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
      const data = JSON.parse(readFileSync(join(dir, f), 'utf8'))
      if (Array.isArray(data.entries)) entries.push(...data.entries)
      if (Array.isArray(data.domains)) domains = domains.concat(data.domains)
    }
  }
  const { approved, errors } = validateLexicon(entries)
  if (errors.length) throw new Error('lexicon errors:\n' + errors.slice(0, 20).join('\n'))
  return { entries: approved, domains }
}

function hashOf(x: unknown) { return createHash('sha1').update(JSON.stringify(x)).digest('hex').slice(0, 12) }

/** Builds (or refreshes) an index. Documents are only (re)loaded when missing or forced. */
export async function ensureIndex(client: Meilisearch, uid: string, settings: Record<string, unknown>, docs: () => Promise<StatuteDoc[]>, force = false, probe?: StatuteDoc[], log = console.log): Promise<void> {
  const stats = await client.index(uid).getStats().catch(() => null)
  if (!force && stats && stats.numberOfDocuments > 0 && probe) {
    // documents are stale when the mapping changed: compare one stored doc with a fresh mapping
    let stale = false
    for (const p of probe) {
      const stored = await client.index(uid).getDocument(p.id).catch(() => null)
      if (JSON.stringify(stored) !== JSON.stringify(p)) stale = true
    }
    if (stale) { log(`[${uid}] document mapping changed: rebuilding`); force = true }
  }
  if (force && stats) { await client.deleteIndex(uid).waitTask({ timeout: 600_000 }); }
  const have = !force && stats && stats.numberOfDocuments > 0
  if (!have) await client.createIndex(uid, { primaryKey: 'id' }).waitTask()
  const idx = client.index(uid)
  const current = await idx.getSettings()
  const want = hashOf(settings)
  const marker = (current as { _hash?: string })._hash
  void marker
  // settings are cheap to compare on the parts we set
  const diff = Object.keys(settings).some(k => JSON.stringify(normalizeSetting(k, (current as Record<string, unknown>)[k])) !== JSON.stringify(normalizeSetting(k, settings[k])))
  if (diff) {
    log(`[${uid}] applying settings ${want}`)
    const t0 = Date.now()
    await idx.updateSettings(settings).waitTask({ timeout: 1_800_000, interval: 500 })
    log(`[${uid}] settings applied in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  }
  if (!have) {
    const all = await docs()
    log(`[${uid}] indexing ${all.length} documents ...`)
    const t0 = Date.now()
    const batch = 10_000
    for (let i = 0; i < all.length; i += batch) {
      await idx.addDocuments(all.slice(i, i + batch)).waitTask({ timeout: 1_800_000, interval: 500 })
      log(`[${uid}]   ${Math.min(i + batch, all.length)}/${all.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
    }
  }
}

function normalizeSetting(k: string, v: unknown): unknown {
  if (k === 'synonyms' && v && typeof v === 'object') {
    const o = v as Record<string, string[]>
    return Object.fromEntries(Object.keys(o).sort().map(key => [key, [...o[key]!].sort()]))
  }
  if (k === 'stopWords' && Array.isArray(v)) return [...v].sort()
  if (k === 'typoTolerance' && v && typeof v === 'object') return (v as { enabled?: boolean }).enabled
  if (k === 'pagination' && v && typeof v === 'object') return (v as { maxTotalHits?: number }).maxTotalHits
  if (k === 'localizedAttributes' && Array.isArray(v)) return v.map((x: { attributePatterns: string[], locales: string[] }) => ({ attributePatterns: x.attributePatterns, locales: x.locales }))
  return v
}

export function baselineSettings() {
  return { searchableAttributes: BASELINE_SEARCHABLE }
}
export { statuteIndexSettings }
