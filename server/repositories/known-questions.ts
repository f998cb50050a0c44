// Queries on known_questions (retrieval-only knowledge for the statute search). No policy here.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { knownQuestions, type KnownQuestionRow, type KnownQuestionSourceValue, type NewKnownQuestionRow } from '../db/schema'

export async function countKnownQuestions(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(knownQuestions)
  return row?.n ?? 0
}

export async function getKnownQuestions(db: DbOrTx, ids: readonly string[]): Promise<KnownQuestionRow[]> {
  if (!ids.length) return []
  return db.select().from(knownQuestions).where(inArray(knownQuestions.id, [...ids]))
}

export async function knownQuestionsAfter(db: DbOrTx, after: string, limit: number): Promise<KnownQuestionRow[]> {
  return db.select().from(knownQuestions).where(gt(knownQuestions.id, after)).orderBy(asc(knownQuestions.id)).limit(limit)
}

export async function knownQuestionsOf(db: DbOrTx, source: KnownQuestionSourceValue): Promise<KnownQuestionRow[]> {
  return db.select().from(knownQuestions).where(eq(knownQuestions.source, source))
}

/**
 * Rows one statement carries: a statement may bind at most 65,535 parameters (an insert binds ~6 a row, a delete
 * one an id); 2,000 against the former 500 took a first seed of ~104k rows from 15.4 to 10.9 s on PGlite.
 */
const BATCH = 2000

/** Inserts or updates rows (content changed); returns nothing. */
export async function upsertKnownQuestions(db: DbOrTx, rows: readonly NewKnownQuestionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(knownQuestions).values(rows.slice(i, i + BATCH).map(r => ({ ...r }))).onConflictDoUpdate({
      target: knownQuestions.id,
      set: {
        source: sql.raw('excluded.source'), question: sql.raw('excluded.question'), keywords: sql.raw('excluded.keywords'),
        answer: sql.raw('excluded.answer'), statuteIds: sql.raw('excluded.statute_ids'), updatedAt: sql`now()`,
      },
    })
  }
}

export async function deleteKnownQuestions(db: DbOrTx, source: KnownQuestionSourceValue, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    await db.delete(knownQuestions).where(and(eq(knownQuestions.source, source), inArray(knownQuestions.id, ids.slice(i, i + BATCH))))
  }
}

/** Changes whenever a known question is added, edited or removed: count and last update. */
export async function knownQuestionsVersion(db: DbOrTx): Promise<string> {
  const [row] = await db.select({ n: sql<number>`count(*)::int`, at: sql<string | null>`max(${knownQuestions.updatedAt})::text` }).from(knownQuestions)
  return `${row?.n ?? 0}@${row?.at ?? ''}`
}

/** Every known question with its links (what the statute ranker reads; the answer is left out). */
export async function allKnownQuestionLinks(db: DbOrTx): Promise<Array<Pick<KnownQuestionRow, 'id' | 'source' | 'question' | 'keywords' | 'statuteIds'>>> {
  return db.select({ id: knownQuestions.id, source: knownQuestions.source, question: knownQuestions.question, keywords: knownQuestions.keywords, statuteIds: knownQuestions.statuteIds })
    .from(knownQuestions).orderBy(asc(knownQuestions.id))
}
