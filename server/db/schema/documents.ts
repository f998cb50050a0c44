import { sql } from 'drizzle-orm'
import { check, customType, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { legalAidApplications } from './legal-aid'

/** bytea as a Buffer (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer, driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: v => v,
  fromDriver: v => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
})

/**
 * Photos and PDFs an applicant attached to a legal-aid application. The file and its (cleaned)
 * name are encrypted with the personal-data key (AES-256-GCM, AAD = application id + document
 * id); the type was decided from the content (server/domain/documents/files.ts), never from the
 * name or the header. Deleted with the application (ON DELETE CASCADE).
 */
export const applicationDocuments = pgTable('application_documents', {
  id: uuid().primaryKey().defaultRandom(),
  applicationId: uuid().notNull().references(() => legalAidApplications.id, { onDelete: 'cascade' }),
  /** 1, 2, … within the application (the download name uses it, never the client's name). */
  seq: integer().notNull(),
  kind: text().notNull(),
  mimeType: text().notNull(),
  /** Plaintext size in bytes (the limits count these). */
  sizeBytes: integer().notNull(),
  /** Encrypted: the file name as the applicant's device gave it, cleaned (for the reviewer to recognise). */
  nameEnc: text().notNull(),
  /** Encrypted file (crypto/aead.ts encryptBytes). */
  content: bytea().notNull(),
  uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('application_documents_application_idx').on(t.applicationId),
  unique('application_documents_seq_key').on(t.applicationId, t.seq),
  check('application_documents_kind_check', sql`${t.kind} in ('identity','hardship','case','other')`),
  check('application_documents_mime_check', sql`${t.mimeType} in ('image/jpeg','image/png','application/pdf')`),
  check('application_documents_size_check', sql`${t.sizeBytes} between 1 and 5242880`),
  check('application_documents_seq_check', sql`${t.seq} between 1 and 10`),
  check('application_documents_enc_check', sql`${t.nameEnc} like 'enc:%' and get_byte(${t.content}, 0) = 1`),
])

export type ApplicationDocumentRow = typeof applicationDocuments.$inferSelect
export type NewApplicationDocumentRow = typeof applicationDocuments.$inferInsert
