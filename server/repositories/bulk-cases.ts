// LOAD TESTS ONLY: the bulk judgments table. Never read by a public route.
import { asc, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { bulkCases, type BulkCaseRow } from '../db/schema'

export interface BulkCaseRecord {
  id: string, source: string, title?: string | null, case_type?: string | null, topic?: string | null,
  cause_of_action?: string | null, charges?: string[] | null, court?: string | null, case_number?: string | null,
  year?: number | null, facts?: string | null, reasoning?: string | null, judgment?: string | null, significance?: string | null
}

const ex = (col: string) => sql.raw(`excluded.${col}`)

export async function countExistingBulk(db: DbOrTx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bulkCases).where(inArray(bulkCases.id, [...ids]))
  return row?.n ?? 0
}

export async function upsertBulkCases(db: DbOrTx, records: readonly BulkCaseRecord[]): Promise<void> {
  if (!records.length) return
  await db.insert(bulkCases).values(records.map(r => ({
    id: r.id, source: r.source, title: r.title ?? '', caseType: r.case_type ?? null, topic: r.topic ?? null,
    causeOfAction: r.cause_of_action ?? null, charges: r.charges ?? [], court: r.court ?? null, caseNumber: r.case_number ?? null,
    year: r.year ?? null, facts: r.facts ?? '', reasoning: r.reasoning ?? '', judgment: r.judgment ?? '', significance: r.significance ?? '',
  }))).onConflictDoUpdate({
    target: bulkCases.id,
    set: {
      source: ex('source'), title: ex('title'), caseType: ex('case_type'), topic: ex('topic'), causeOfAction: ex('cause_of_action'),
      charges: ex('charges'), court: ex('court'), caseNumber: ex('case_number'), year: ex('year'), facts: ex('facts'),
      reasoning: ex('reasoning'), judgment: ex('judgment'), significance: ex('significance'),
    },
  })
}

export async function bulkCasesAfter(db: DbOrTx, afterId: string, limit: number): Promise<BulkCaseRow[]> {
  return db.select().from(bulkCases).where(sql`${bulkCases.id} > ${afterId}`).orderBy(asc(bulkCases.id)).limit(limit)
}

export async function getBulkCases(db: DbOrTx, ids: readonly string[]): Promise<BulkCaseRow[]> {
  if (!ids.length) return []
  return db.select().from(bulkCases).where(inArray(bulkCases.id, [...ids]))
}

export async function countBulkCases(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bulkCases)
  return row?.n ?? 0
}
