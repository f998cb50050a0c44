// Nitro glue for the case library: the search dependencies (engine, lexicon, database fallback).
import { randomBytes } from 'node:crypto'
import { logger } from './logger'
import type { AppContext } from '../app-context'
import { CASES_INDEX } from '../adapters/search/definitions/cases'
import { STATUTES_INDEX } from '../adapters/search/definitions/statutes'
import { createCaseCardCache } from '../domain/cases/card-cache'
import { makeHighlightTags } from '../domain/cases/highlight'
import type { LibrarySearchDeps } from '../domain/cases/search'
import type { Lexicon } from '../domain/search/lexicon'
import { fallbackSearchCases } from '../repositories/cases'
import { approvedLexicon } from '../repositories/lexicon'
import { fallbackSearchStatutes, getStatutes } from '../repositories/statutes'
import { settledWithin } from '../domain/platform/settled-within'

const tags = makeHighlightTags(randomBytes(9).toString('hex'))
/** Cards of listed cases by id and revision, for this instance (see card-cache.ts). */
const caseCards = createCaseCardCache()
const LEXICON_TTL_MS = 30_000
let cached: { at: number, lexicon: Promise<Lexicon> } | undefined

/** Approved lexicon entries (from the database) with a short cache; approve/reject invalidates it. */
export function searchLexicon(app: AppContext): Promise<Lexicon> {
  if (!cached || Date.now() - cached.at > LEXICON_TTL_MS) {
    const lexicon = approvedLexicon(app.db).then(entries => ({ entries }))
    cached = { at: Date.now(), lexicon }
    lexicon.catch(() => { cached = undefined })
  }
  return cached.lexicon
}

export function invalidateSearchLexicon(): void {
  cached = undefined
}

/**
 * How long a library search waits, at start-up, for the ranker to cover the whole stored corpus: on a
 * first start the rest of the default corpus is still being imported (about a minute here), on later
 * starts the full ranker follows the core laws within seconds. Meanwhile only part of the law could
 * answer; a search that waited this long answers from it, marked `loading`.
 */
export const LIBRARY_SETTLE_MS = 90_000

/** True once the ranker covers the whole stored corpus (waits up to `ms`). */
export function statuteCorpusSettled(app: AppContext, ms = LIBRARY_SETTLE_MS): Promise<boolean> {
  return settledWithin(app.statutesSettled, ms)
}

export async function librarySearchDeps(app: AppContext): Promise<LibrarySearchDeps> {
  const search = app.search
  return {
    port: search ? search.search : null,
    uids: { statutes: search?.uid(STATUTES_INDEX) ?? STATUTES_INDEX, cases: search?.uid(CASES_INDEX) ?? CASES_INDEX },
    lexicon: await searchLexicon(app),
    ranker: app.statuteRanker.current(),
    caseCards,
    tags,
    fallback: {
      statutes: (terms, limit, offset) => fallbackSearchStatutes(app.db, terms, limit, offset),
      cases: (terms, filter, limit, offset) => fallbackSearchCases(app.db, terms, filter, limit, offset),
      statutesById: ids => getStatutes(app.db, ids),
    },
    log: m => logger.warn(m),
  }
}

/** `Server-Timing: rank;dur=1.2, engine;dur=3.4, …` of a request's step timings (milliseconds). */
export function serverTimingHeader(timings: Readonly<Record<string, number>>): string {
  return Object.entries(timings).filter(([k, v]) => /^[a-z]+$/.test(k) && Number.isFinite(v)).map(([k, v]) => `${k};dur=${v.toFixed(2)}`).join(', ')
}
