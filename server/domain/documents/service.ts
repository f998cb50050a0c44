/**
 * Documents attached to a legal-aid application: the applicant uploads photos or PDFs while the
 * application is undecided; reviewers list and open them. Each file and its cleaned name are
 * encrypted with the personal-data key, the AAD binding them to the application and the document
 * (a file copied to another row does not decrypt). Every upload and every staff read writes an
 * audit row in the same transaction (ids, kinds and sizes only, never names or contents).
 * Framework-free: deps first, one input, the actor last.
 */
import { randomUUID } from 'node:crypto'
import type { Db, DbOrTx } from '../../db/client'
import { writeAudit } from '../../repositories/audit'
import * as repo from '../../repositories/documents'
import { findApplication, findApplicationByReference } from '../../repositories/legal-aid'
import type { PersonalDataCrypto } from '../crypto/aead'
import { DomainError } from '../errors'
import { auditActorOf, type ActorRef } from '../platform/actor'
import { proveByReferenceAndPhone } from '../platform/proof'
import { shanghaiDay } from '../../../shared/time/calendar'
import { DOCUMENT_KIND_SHORT, MAX_DOCUMENTS, MAX_TOTAL_BYTES, type DocumentKind } from '../../../shared/domain/applications/documents'
import type { ApplicantDocumentDto, ApplicantDocumentsView, DocumentsFormView, StaffDocumentDto } from '../../../shared/types/documents'
import { checkUpload, cleanFileName, downloadName, sniffType } from './files'
import { DOCUMENTS_RETURN, documentOwnerOf, type DocumentOwner, documentsFlashFor, withDocumentsFlash, type DocumentsFrom, type DocumentsState } from '../forms/documents'

export interface DocumentsDeps {
  db: Db
  crypto: PersonalDataCrypto
  now: () => Date
  /** the request's hashed address (look-up limit, audit) */
  ipHash: string
}

export type { DocumentOwner }

export const documentAad = (applicationId: string, documentId: string, part: 'content' | 'name') =>
  `application_documents:${applicationId}:${documentId}:${part}`

/** Statuses in which the applicant may still add documents: not yet decided (法律援助法第四十三条). */
const UPLOAD_OPEN = new Set(['submitted', 'materials_requested', 'provisional'])

function isOpen(app: { status: string, materialsDue: string | null }, today: string): boolean {
  if (!UPLOAD_OPEN.has(app.status)) return false
  // Past the materials deadline the application counts as withdrawn (rules.expiryPatch).
  return !(app.status === 'materials_requested' && app.materialsDue && today > app.materialsDue)
}

const NOT_FOUND = () => new DomainError('APPLICATION_NOT_FOUND')

async function ownedApplicationId(deps: DocumentsDeps, owner: DocumentOwner): Promise<string> {
  if ('applicationId' in owner) return owner.applicationId
  if ('sealedReference' in owner) {
    const row = await findApplicationByReference(deps.db, owner.sealedReference)
    if (!row) throw NOT_FOUND()
    return row.id
  }
  const row = await proveByReferenceAndPhone(deps, owner, deps.ipHash, ref => findApplicationByReference(deps.db, ref), r => r.phoneHash, NOT_FOUND)
  return row.id
}

function toApplicantDto(crypto: PersonalDataCrypto, r: repo.DocumentMetaRow): ApplicantDocumentDto {
  return {
    seq: r.seq,
    kind: r.kind as DocumentKind,
    name: crypto.cipher.decrypt(r.nameEnc, documentAad(r.applicationId, r.id, 'name')),
    sizeBytes: r.sizeBytes,
    mimeType: r.mimeType as ApplicantDocumentDto['mimeType'],
  }
}

async function viewOf(deps: DocumentsDeps, tx: DbOrTx, applicationId: string, app: { status: string, materialsDue: string | null }): Promise<ApplicantDocumentsView> {
  const rows = await repo.listDocuments(tx, applicationId)
  const total = rows.reduce((s, r) => s + r.sizeBytes, 0)
  return {
    documents: rows.map(r => toApplicantDto(deps.crypto, r)),
    open: isOpen(app, shanghaiDay(deps.now())),
    remainingCount: Math.max(0, MAX_DOCUMENTS - rows.length),
    remainingBytes: Math.max(0, MAX_TOTAL_BYTES - total),
  }
}

/** One file from the applicant: checked by content and limits, encrypted, stored, audited. */
export async function uploadDocument(
  deps: DocumentsDeps,
  input: { owner: DocumentOwner, kind: unknown, bytes: Uint8Array, fileName?: unknown },
): Promise<ApplicantDocumentDto> {
  const applicationId = await ownedApplicationId(deps, input.owner)
  const today = shanghaiDay(deps.now())
  return deps.db.transaction(async (tx) => {
    const app = await repo.lockApplicationForDocuments(tx, applicationId)
    if (!app) throw NOT_FOUND()
    if (!isOpen(app, today)) throw new DomainError('DOCUMENT_UPLOAD_CLOSED')
    const usage = await repo.documentUsage(tx, applicationId)
    const checked = checkUpload({ bytes: input.bytes, kind: input.kind }, usage)
    const id = randomUUID()
    const { cipher } = deps.crypto
    const row = await repo.insertDocument(tx, {
      id,
      applicationId,
      seq: usage.lastSeq + 1,
      kind: checked.kind,
      mimeType: checked.mimeType,
      sizeBytes: input.bytes.length,
      nameEnc: cipher.encrypt(cleanFileName(input.fileName, checked), documentAad(applicationId, id, 'name')),
      content: cipher.encryptBytes(input.bytes, documentAad(applicationId, id, 'content')),
    })
    await writeAudit(tx, {
      actor: null, action: 'application.document_upload', objectType: 'application_document', objectId: id, ipHash: deps.ipHash,
      detail: { applicationId, kind: checked.kind, mimeType: checked.mimeType, sizeBytes: input.bytes.length },
    })
    return toApplicantDto(deps.crypto, row)
  })
}

/** The applicant's own list (what was uploaded, whether more may be). Not audited: their own data. */
export async function viewOwnDocuments(deps: DocumentsDeps, input: { owner: DocumentOwner }): Promise<ApplicantDocumentsView> {
  const applicationId = await ownedApplicationId(deps, input.owner)
  const app = await findApplication(deps.db, applicationId)
  if (!app) throw NOT_FOUND()
  return viewOf(deps, deps.db, applicationId, app)
}

/** The 司法行政部门 sees only applications with an objection (第四十九条), as openApplication. */
async function staffApplication(tx: DbOrTx, applicationId: string, actor: ActorRef) {
  const app = await findApplication(tx, applicationId)
  if (!app || (actor.role === 'justice_bureau' && !app.objectionAt)) throw new DomainError('APPLICATION_NOT_FOUND', undefined, '找不到该申请')
  return app
}

const purposeOf = (actor: ActorRef) => (actor.role === 'justice_bureau' ? '审查异议' : '审查法律援助申请')

/** The reviewer's list of an application's documents (the names are personal data: audited). */
export async function listApplicationDocuments(deps: DocumentsDeps, input: { applicationId: string }, actor: ActorRef): Promise<StaffDocumentDto[]> {
  return deps.db.transaction(async (tx) => {
    await staffApplication(tx, input.applicationId, actor)
    const rows = await repo.listDocuments(tx, input.applicationId)
    await writeAudit(tx, {
      actor: auditActorOf(actor), action: 'application.document_list', objectType: 'legal_aid_application', objectId: input.applicationId,
      ipHash: deps.ipHash, purpose: purposeOf(actor), detail: { count: rows.length },
    })
    return rows.map(r => ({ ...toApplicantDto(deps.crypto, r), id: r.id, uploadedAt: r.uploadedAt.toISOString() }))
  })
}

export interface OpenedDocument { bytes: Buffer, mimeType: 'image/jpeg' | 'image/png' | 'application/pdf', fileName: string }

/** One document opened by a reviewer: decrypted, its type re-checked, and the view audited. */
export async function openApplicationDocument(deps: DocumentsDeps, input: { applicationId: string, documentId: string }, actor: ActorRef): Promise<OpenedDocument> {
  return deps.db.transaction(async (tx) => {
    const app = await staffApplication(tx, input.applicationId, actor)
    const doc = await repo.findDocument(tx, input.applicationId, input.documentId)
    if (!doc) throw new DomainError('DOCUMENT_NOT_FOUND')
    const bytes = deps.crypto.cipher.decryptBytes(doc.content, documentAad(doc.applicationId, doc.id, 'content'))
    const type = sniffType(bytes)
    // Stored only after the check; a mismatch means the row was altered: never serve it as another type.
    if (!type || type.mimeType !== doc.mimeType) throw new DomainError('DOCUMENT_NOT_FOUND')
    await writeAudit(tx, {
      actor: auditActorOf(actor), action: 'application.document_view', objectType: 'application_document', objectId: doc.id,
      ipHash: deps.ipHash, purpose: purposeOf(actor), detail: { applicationId: doc.applicationId, kind: doc.kind },
    })
    return { bytes, mimeType: type.mimeType, fileName: downloadName(app.reference, doc.seq, type) }
  })
}

// --- the upload form (plain multipart POST and the page's fetch) ----------------------------------

export type { DocumentsFormView }

/** What the page's upload section shows for the owner in the draft cookie. */
export async function viewDocumentsForm(deps: DocumentsDeps, input: { state: DocumentsState, from: DocumentsFrom }): Promise<DocumentsFormView> {
  const owner = documentOwnerOf(input.state, input.from)
  const flash = documentsFlashFor(input.state, input.from)
  const message = { ...(flash?.error ? { error: flash.error } : {}), ...(flash?.done ? { done: flash.done } : {}) }
  if (!owner) return { available: false }
  try {
    return { available: true, ...await viewOwnDocuments(deps, { owner }), ...message }
  } catch (e) {
    if (e instanceof DomainError) return { available: false }
    throw e
  }
}

export interface DocumentsFormOutcome<S> {
  state: S
  location: string
  /** the refusal (a JSON caller gets it as its 4xx; a plain form sees it on the page) */
  refused?: DomainError
  document?: ApplicantDocumentDto
}

/** One submitted upload form: stored, or refused with a message for the page. */
export async function answerDocumentForm<S extends DocumentsState>(
  deps: DocumentsDeps,
  input: { state: S, from: DocumentsFrom, kind: unknown, bytes: Uint8Array, fileName?: unknown },
): Promise<DocumentsFormOutcome<S>> {
  const location = DOCUMENTS_RETURN[input.from]
  const refuse = (e: DomainError) => ({ state: withDocumentsFlash(input.state, { from: input.from, error: e.message }), location, refused: e })
  const owner = documentOwnerOf(input.state, input.from)
  if (!owner) return refuse(new DomainError('DOCUMENT_OWNER_UNKNOWN'))
  try {
    const document = await uploadDocument(deps, { owner, kind: input.kind, bytes: input.bytes, fileName: input.fileName })
    const done = `已上传第 ${document.seq} 个文件（${DOCUMENT_KIND_SHORT[document.kind]}）。`
    return { state: withDocumentsFlash(input.state, { from: input.from, done }), location, document }
  } catch (e) {
    if (e instanceof DomainError) return refuse(e)
    throw e
  }
}

/** A refusal before the body was read (too large, not multipart): the same outcome as any refusal. */
export function refuseDocumentForm<S extends DocumentsState>(input: { state: S, from: DocumentsFrom, code: 'DOCUMENT_TOO_LARGE' | 'DOCUMENT_FORM_INVALID' }): DocumentsFormOutcome<S> {
  const e = new DomainError(input.code)
  return { state: withDocumentsFlash(input.state, { from: input.from, error: e.message }), location: DOCUMENTS_RETURN[input.from], refused: e }
}
