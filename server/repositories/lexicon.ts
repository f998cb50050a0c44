// Queries on the legal lexicon (lexicon_entries). No policy here.
import { asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { lexiconEntries, type LexiconEntryStatus, type LexiconRow } from '../db/schema'
import type { LexiconEntry } from '../domain/search/lexicon'

export function toLexiconEntry(r: LexiconRow): LexiconEntry {
  return {
    id: r.id, colloquial: r.colloquial, legal: r.legal, kind: r.kind, domain: r.domain ?? undefined,
    status: r.status === 'approved' ? 'approved' : 'draft', source: r.source ?? undefined, note: r.note ?? undefined,
  }
}

export async function approvedLexicon(db: DbOrTx): Promise<LexiconEntry[]> {
  const rows = await db.select().from(lexiconEntries).where(eq(lexiconEntries.status, 'approved')).orderBy(asc(lexiconEntries.id))
  return rows.map(toLexiconEntry)
}

export async function listLexicon(db: DbOrTx, status?: LexiconEntryStatus): Promise<LexiconRow[]> {
  const q = db.select().from(lexiconEntries)
  return (status ? q.where(eq(lexiconEntries.status, status)) : q).orderBy(asc(lexiconEntries.status), asc(lexiconEntries.id))
}

export async function getLexiconEntry(db: DbOrTx, id: string): Promise<LexiconRow | undefined> {
  const [row] = await db.select().from(lexiconEntries).where(eq(lexiconEntries.id, id))
  return row
}

export type NewLexicon = Pick<LexiconRow, 'id' | 'colloquial' | 'legal' | 'kind'> & Partial<Pick<LexiconRow, 'domain' | 'source' | 'note' | 'status'>>

/** Inserts entries that are not there yet (seed); returns how many were new. */
export async function insertLexiconIfAbsent(db: DbOrTx, entries: readonly NewLexicon[]): Promise<number> {
  if (!entries.length) return 0
  const rows = await db.insert(lexiconEntries).values(entries.map(e => ({ ...e, status: e.status ?? 'draft' })))
    .onConflictDoNothing().returning({ id: lexiconEntries.id })
  return rows.length
}

export async function insertLexiconEntry(db: DbOrTx, e: NewLexicon): Promise<LexiconRow> {
  const [row] = await db.insert(lexiconEntries).values({ ...e, status: 'draft' }).returning()
  return row!
}

/** Moves a draft to approved/rejected; returns undefined if the entry is not a draft any more. */
export async function reviewLexiconEntry(db: DbOrTx, id: string, status: 'approved' | 'rejected', reviewerId: string | null): Promise<LexiconRow | undefined> {
  const [row] = await db.update(lexiconEntries)
    .set({ status, reviewedBy: reviewerId, reviewedAt: sql`now()`, updatedAt: sql`now()` })
    .where(sql`${lexiconEntries.id} = ${id} and ${lexiconEntries.status} = 'draft'`)
    .returning()
  return row
}
