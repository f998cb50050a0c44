// Queries for the eligibility configuration (hardship standards, rule sets) and the anonymous
// screening counter. No policy here.
import { asc, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { eligibilityRuleSets, hardshipStandards, screeningCounters, type NewHardshipStandardRow } from '../db/schema'

export function listStandards(db: DbOrTx) {
  return db.select().from(hardshipStandards).orderBy(asc(hardshipStandards.county), asc(hardshipStandards.residence), asc(hardshipStandards.effectiveFrom))
}

export async function insertStandard(db: DbOrTx, row: NewHardshipStandardRow) {
  const [r] = await db.insert(hardshipStandards).values(row).returning()
  return r!
}

/** Seed: inserts the standards whose id is not there yet; returns how many were added. */
export async function insertStandardsIfAbsent(db: DbOrTx, rows: NewHardshipStandardRow[]): Promise<number> {
  if (!rows.length) return 0
  const added = await db.insert(hardshipStandards).values(rows).onConflictDoNothing({ target: hardshipStandards.id }).returning({ id: hardshipStandards.id })
  return added.length
}

export function listRuleSets(db: DbOrTx) {
  return db.select().from(eligibilityRuleSets).orderBy(asc(eligibilityRuleSets.position), asc(eligibilityRuleSets.id))
}

export async function insertRuleSetsIfAbsent(db: DbOrTx, rows: Array<{ id: string, version: string, definition: Record<string, unknown>, position: number }>): Promise<number> {
  if (!rows.length) return 0
  // A shipped rule set (created_by null) is replaced by a newer shipped version; one an admin saved is kept.
  const added = await db.insert(eligibilityRuleSets).values(rows).onConflictDoUpdate({
    target: eligibilityRuleSets.id,
    set: { version: sql`excluded.version`, definition: sql`excluded.definition`, position: sql`excluded.position`, updatedAt: sql`now()` },
    where: sql`${eligibilityRuleSets.createdBy} is null and ${eligibilityRuleSets.version} <> excluded.version`,
  }).returning({ id: eligibilityRuleSets.id })
  return added.length
}

/** Serialises standard changes across instances (one transaction at a time). */
export async function lockStandards(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(72410349)`)
}

export async function bumpScreeningCounter(db: DbOrTx, day: string, matter: string, outcome: string): Promise<void> {
  await db.insert(screeningCounters).values({ day, matter, outcome, count: 1 })
    .onConflictDoUpdate({ target: [screeningCounters.day, screeningCounters.matter, screeningCounters.outcome], set: { count: sql`${screeningCounters.count} + 1` } })
}
