// Queries for the documents attached to legal-aid applications. No policy here (limits, proof and
// audit: server/domain/documents/service.ts). Lists never select the file content.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { applicationDocuments, legalAidApplications, type ApplicationDocumentRow, type NewApplicationDocumentRow } from '../db/schema'

/** The application row, locked until the transaction ends (uploads to one application queue up). */
export async function lockApplicationForDocuments(db: DbOrTx, applicationId: string) {
  const [r] = await db.select({
    id: legalAidApplications.id,
    reference: legalAidApplications.reference,
    status: legalAidApplications.status,
    materialsDue: legalAidApplications.materialsDue,
  }).from(legalAidApplications).where(eq(legalAidApplications.id, applicationId)).for('update')
  return r
}

export async function documentUsage(db: DbOrTx, applicationId: string): Promise<{ count: number, totalBytes: number, lastSeq: number }> {
  const [r] = await db.select({
    count: sql<number>`count(*)::int`,
    totalBytes: sql<number>`coalesce(sum(${applicationDocuments.sizeBytes}), 0)::int`,
    lastSeq: sql<number>`coalesce(max(${applicationDocuments.seq}), 0)::int`,
  }).from(applicationDocuments).where(eq(applicationDocuments.applicationId, applicationId))
  return { count: Number(r?.count ?? 0), totalBytes: Number(r?.totalBytes ?? 0), lastSeq: Number(r?.lastSeq ?? 0) }
}

/** A document's columns without its content (what lists and the upload answer carry). */
const metaColumns = {
  id: applicationDocuments.id,
  applicationId: applicationDocuments.applicationId,
  seq: applicationDocuments.seq,
  kind: applicationDocuments.kind,
  mimeType: applicationDocuments.mimeType,
  sizeBytes: applicationDocuments.sizeBytes,
  nameEnc: applicationDocuments.nameEnc,
  uploadedAt: applicationDocuments.uploadedAt,
}

export async function insertDocument(db: DbOrTx, row: NewApplicationDocumentRow): Promise<Omit<ApplicationDocumentRow, 'content'>> {
  const [r] = await db.insert(applicationDocuments).values(row).returning(metaColumns)
  return r!
}

/** Metadata of an application's documents, in upload order (no content). */
export function listDocuments(db: DbOrTx, applicationId: string) {
  return db.select(metaColumns).from(applicationDocuments).where(eq(applicationDocuments.applicationId, applicationId)).orderBy(asc(applicationDocuments.seq))
}
export type DocumentMetaRow = Awaited<ReturnType<typeof listDocuments>>[number]

/** One document with its (encrypted) content, only within its application. */
export async function findDocument(db: DbOrTx, applicationId: string, documentId: string): Promise<ApplicationDocumentRow | undefined> {
  const [r] = await db.select().from(applicationDocuments)
    .where(and(eq(applicationDocuments.applicationId, applicationId), eq(applicationDocuments.id, documentId)))
  return r
}
