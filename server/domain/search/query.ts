// The question as the statute ranker and the case query read it: normalised, question frames
// removed, content words and chunks, and the lexicon's legal terms. Framework-free: relative imports only.
import { normalizeQuery, stripPhrases, contentWords, contentChunks } from './normalize'
import { matchLexicon, type Lexicon, type LexiconMatch } from './lexicon'

export interface RewrittenQuery {
  normalized: string
  /** Question with the question frames removed. */
  stripped: string
  /** Content words (fillers removed). */
  words: string[]
  /** Content chunks: runs of adjacent content words. */
  chunks: string[]
  matches: LexiconMatch[]
  /** Legal terms contributed by the lexicon, in question order. */
  legalTerms: string[]
  domains: string[]
}

/** Normalises the question and applies the lexicon. */
export function rewriteQuery(raw: string, lexicon: Lexicon): RewrittenQuery {
  const normalized = normalizeQuery(raw)
  const stripped = stripPhrases(normalized)
  const words = contentWords(normalized)
  const chunks = contentChunks(normalized)
  const matches = matchLexicon(normalized, lexicon.entries)
  const legalTerms: string[] = []
  const domains: string[] = []
  for (const m of matches) {
    for (const l of m.entry.legal) if (!legalTerms.includes(l)) legalTerms.push(l)
    if (m.entry.domain && !domains.includes(m.entry.domain)) domains.push(m.entry.domain)
  }
  return { normalized, stripped, words, chunks, matches, legalTerms, domains }
}

/** Meilisearch reads only the first 10 words: keep the first `max` unique words. */
export function limitWords(words: readonly string[], max = 10): string[] {
  const out: string[] = []
  for (const w of words) {
    if (out.length >= max) break
    if (!out.includes(w)) out.push(w)
  }
  return out
}
