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

/**
 * Brings entries seeded from content/lexicon up to date with the content files (e.g. a correction:
 * 用工单位 is no synonym of 用人单位). Only rows no staff member ever reviewed (`reviewed_by` null: the
 * seed's own) are touched; an editor's decision stays. Returns the ids rewritten.
 */
export async function refreshSeededLexicon(db: DbOrTx, entries: readonly NewLexicon[]): Promise<string[]> {
  if (!entries.length) return []
  const rows = await db.select().from(lexiconEntries).where(sql`${lexiconEntries.reviewedBy} is null`)
  const byId = new Map(rows.map(r => [r.id, r]))
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])
  const changed: string[] = []
  for (const e of entries) {
    const r = byId.get(e.id)
    if (!r) continue
    if (same(r.colloquial, e.colloquial) && same(r.legal, e.legal) && r.kind === e.kind && (r.domain ?? null) === (e.domain ?? null) && (r.note ?? null) === (e.note ?? null)) continue
    await db.update(lexiconEntries)
      .set({ colloquial: e.colloquial, legal: e.legal, kind: e.kind, domain: e.domain ?? null, note: e.note ?? null, updatedAt: sql`now()` })
      .where(sql`${lexiconEntries.id} = ${e.id} and ${lexiconEntries.reviewedBy} is null`)
    changed.push(e.id)
  }
  return changed
}
