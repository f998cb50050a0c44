// Queries for legal-aid applications. No policy here (look-up attempts: ./lookup-attempts.ts).
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { legalAidApplications, type LegalAidApplicationRow, type NewLegalAidApplicationRow } from '../db/schema'

export async function nextApplicationSeq(db: DbOrTx): Promise<number> {
  const r = await db.execute(sql`select nextval(pg_get_serial_sequence('legal_aid_applications', 'seq'))::bigint as n`)
  const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Array<{ n: string | number }>
  return Number(rows[0]!.n)
}

export async function insertApplication(db: DbOrTx, row: NewLegalAidApplicationRow): Promise<LegalAidApplicationRow> {
  const [r] = await db.insert(legalAidApplications).values(row).returning()
  return r!
}

export async function findApplication(db: DbOrTx, id: string): Promise<LegalAidApplicationRow | undefined> {
  const [r] = await db.select().from(legalAidApplications).where(eq(legalAidApplications.id, id))
  return r
}

export async function findApplicationByReference(db: DbOrTx, reference: string): Promise<LegalAidApplicationRow | undefined> {
  const [r] = await db.select().from(legalAidApplications).where(eq(legalAidApplications.reference, reference))
  return r
}

export function findApplicationsByIdNumberHash(db: DbOrTx, hash: string) {
  return db.select({ id: legalAidApplications.id, reference: legalAidApplications.reference, status: legalAidApplications.status })
    .from(legalAidApplications).where(eq(legalAidApplications.idNumberHash, hash))
}

export type ApplicationPatch = Partial<Omit<NewLegalAidApplicationRow, 'id' | 'seq' | 'reference' | 'version'>>

/** Applies a patch only if the row still has `version`; bumps the version. Undefined: stale. */
export async function updateApplicationVersioned(db: DbOrTx, id: string, version: number, patch: ApplicationPatch): Promise<LegalAidApplicationRow | undefined> {
  const [r] = await db.update(legalAidApplications)
    .set({ ...patch, version: sql`${legalAidApplications.version} + 1`, updatedAt: new Date() })
    .where(and(eq(legalAidApplications.id, id), eq(legalAidApplications.version, version)))
    .returning()
  return r
}

/** Queue columns only: no encrypted values leave the database for a list. */
export function listApplications(db: DbOrTx, statuses?: readonly string[]) {
  return db.select({
    id: legalAidApplications.id,
    reference: legalAidApplications.reference,
    nameMasked: legalAidApplications.nameMasked,
    status: legalAidApplications.status,
    version: legalAidApplications.version,
    urgent: legalAidApplications.urgent,
    matter: legalAidApplications.matter,
    receivedDate: legalAidApplications.receivedDate,
    screeningOutcome: legalAidApplications.screeningOutcome,
    decisionDue: legalAidApplications.decisionDue,
    decisionDaysLeft: legalAidApplications.decisionDaysLeft,
    materialsDue: legalAidApplications.materialsDue,
    assignDue: legalAidApplications.assignDue,
    objectionDue: legalAidApplications.objectionDue,
  }).from(legalAidApplications)
    .where(statuses ? inArray(legalAidApplications.status, [...statuses]) : undefined)
    .orderBy(asc(legalAidApplications.receivedAt))
    .limit(500)
}
export type QueueRow = Awaited<ReturnType<typeof listApplications>>[number]

