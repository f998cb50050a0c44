// The legal lexicon: everyday words → legal terms. Data lives in content/lexicon/*.json;
// this module only types, validates and applies it. Framework-free.
import { normalizeQuery } from './normalize'

export type LexiconKind = 'synonym' | 'expansion'
export type LexiconStatus = 'approved' | 'draft'

export interface LexiconEntry {
  /** Stable id, e.g. `labor.boss`. */
  id: string
  /** What residents type (matched as substrings of the normalised question). */
  colloquial: string[]
  /** What the law says. For `synonym` the words are interchangeable; for `expansion` they are added. */
  legal: string[]
  kind: LexiconKind
  /** Topic, e.g. 劳动, 婚姻家庭. Used to pick likely laws (see LexiconDomain). */
  domain?: string
  status: LexiconStatus
  source?: string
  /** Why the mapping holds, citing the article (shown to editors). */
  note?: string
  /** Articles the note cites (content files only; a content test checks that each is in force). */
  statuteIds?: string[]
}

/** A lexicon file: `{ "entries": LexiconEntry[] }` (domains.json carries `{ "domains": LexiconDomain[] }`). */
export interface LexiconFile {
  entries: LexiconEntry[]
}

/** Which laws a topic usually lives in (law titles as in the dataset's `law_title`). */
export interface LexiconDomain {
  domain: string
  laws: string[]
}

export interface LexiconMatch {
  entry: LexiconEntry
  /** The colloquial key found in the question. */
  key: string
  index: number
}

export interface Lexicon {
  entries: readonly LexiconEntry[]
  domains?: readonly LexiconDomain[]
}

/** Throws on malformed entries; returns the approved ones (drafts are never used). */
export function validateLexicon(entries: readonly unknown[]): { approved: LexiconEntry[], errors: string[] } {
  const errors: string[] = []
  const approved: LexiconEntry[] = []
  const seen = new Set<string>()
  for (const [i, raw] of entries.entries()) {
    const e = raw as Partial<LexiconEntry>
    const where = `entry ${i} (${e?.id ?? '?'})`
    if (!e || typeof e.id !== 'string' || !e.id) { errors.push(`${where}: id missing`); continue }
    if (seen.has(e.id)) errors.push(`${where}: duplicate id`)
    seen.add(e.id)
    if (!Array.isArray(e.colloquial) || e.colloquial.length === 0 || e.colloquial.some(w => typeof w !== 'string' || !w.trim())) errors.push(`${where}: colloquial must be non-empty strings`)
    if (!Array.isArray(e.legal) || e.legal.length === 0 || e.legal.some(w => typeof w !== 'string' || !w.trim())) errors.push(`${where}: legal must be non-empty strings`)
    if (e.kind !== 'synonym' && e.kind !== 'expansion') errors.push(`${where}: kind must be synonym|expansion`)
    if (e.status !== 'approved' && e.status !== 'draft') errors.push(`${where}: status must be approved|draft`)
    if (e.statuteIds !== undefined && (!Array.isArray(e.statuteIds) || e.statuteIds.some(id => typeof id !== 'string' || !/^L[0-9a-f]{10}-a\d{4}(?:-\d+)?$/.test(id)))) errors.push(`${where}: statuteIds must be article ids`)
    if (e.status === 'approved') approved.push(e as LexiconEntry)
  }
  return { approved, errors }
}

const keyCache = new Map<string, string>()
function normalizedKey(key: string): string {
  let k = keyCache.get(key)
  if (k === undefined) {
    k = normalizeQuery(key)
    if (keyCache.size < 20_000) keyCache.set(key, k)
  }
  return k
}

/**
 * Finds lexicon keys in a normalised question. Longer keys win over keys they contain
 * (被狗咬 beats 狗), each character is claimed once.
 */
export function matchLexicon(normalized: string, entries: readonly LexiconEntry[]): LexiconMatch[] {
  const cands: LexiconMatch[] = []
  for (const entry of entries) {
    if (entry.status !== 'approved') continue
    for (const key of entry.colloquial) {
      // keys are compared in the question's normalised form ("n+1" is "n 1" there)
      const k = normalizedKey(key)
      if (!k) continue
      let from = 0
      for (;;) {
        const at = normalized.indexOf(k, from)
        if (at < 0) break
        cands.push({ entry, key: k, index: at })
        from = at + 1
      }
    }
  }
  cands.sort((a, b) => b.key.length - a.key.length || a.index - b.index)
  const claimed = new Uint8Array(normalized.length)
  const out: LexiconMatch[] = []
  const seenEntry = new Set<string>()
  for (const c of cands) {
    let free = false
    for (let i = c.index; i < c.index + c.key.length; i++) if (!claimed[i]) { free = true; break }
    // a key fully inside a longer, already matched key is dropped; partial overlaps are kept
    if (!free) continue
    for (let i = c.index; i < c.index + c.key.length; i++) claimed[i] = 1
    if (seenEntry.has(c.entry.id)) continue
    seenEntry.add(c.entry.id)
    out.push(c)
  }
  return out.sort((a, b) => a.index - b.index)
}

/**
 * Meilisearch synonyms derived from approved `synonym` entries: each colloquial word maps to
 * its legal words (one way: legal text never needs the colloquial word).
 */
export function lexiconSynonyms(entries: readonly LexiconEntry[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {}
  for (const e of entries) {
    if (e.status !== 'approved' || e.kind !== 'synonym') continue
    for (const c of e.colloquial) {
      if (e.legal.includes(c)) continue
      ;(out[c] ??= new Set()).add(c)
      for (const l of e.legal) out[c].add(l)
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].filter(x => x !== k)]))
}
