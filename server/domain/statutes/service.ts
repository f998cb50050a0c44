// Statute pages and the editorial law-status workflow (mark a law repealed or superseded, import a
// new version of a law from a file). Every change writes its audit row and its search-outbox rows in
// the SAME transaction as the change, so the index, the ranker (its version includes
// law_status_changes) and the audit trail follow the database.
import type { StatuteDetailDto } from '../../../shared/types/cases'
import type { ImportLawVersionResult, LawStatusDto } from '../../../shared/types/statutes'
import type { ImportLawVersionBody, MarkLawStatusBody } from '../../../shared/schemas/statutes'
import { STATUTES_INDEX } from '../../adapters/search/definitions/statutes'
import type { Db, DbOrTx } from '../../db/client'
import type { LawStatusRow, StatuteRow } from '../../db/schema'
import { writeAudit } from '../../repositories/audit'
import { auditActorOf, type ActorRef, type AuditActor } from '../platform/actor'
import { publishedCasesCiting } from '../../repositories/cases'
import { enqueueSearch } from '../../repositories/search-outbox'
import {
  articleIdsOfLaw, articleOfLaw, firstArticleOf, getLawStatus, getStatute, idsOwnedByOtherLaw, lawsById, listLawStatus,
  neighbourArticles, sameLabelInForce, statuteImportPort, upsertLawStatus,
} from '../../repositories/statutes'
import { parseLawVersionFile } from './import-file'
import { toCaseSummaryDto, toStatuteDto } from '../cases/dto'
import { DomainError } from '../errors'
import { describeStatuteStatus, type LawStatusRecord, type StatusContext } from './status'

/** The uploaded file's text (the import form without JavaScript); importLawVersion then reads its lines. */
export { lawVersionFileText } from './import-file'

export interface StatuteReadDeps { db: Db }

/** The status context of an article: its law's editorial record and the current provision. */
export async function statusContextOf(deps: StatuteReadDeps, s: StatuteRow): Promise<StatusContext> {
  const { db } = deps
  if (s.inForce) return {}
  const rec = await getLawStatus(db, s.lawId)
  const record: LawStatusRecord | null = rec
    ? { lawId: rec.lawId, status: rec.status, effectiveDate: rec.effectiveDate, note: rec.note, successorLawId: rec.successorLawId, successorRenumbered: rec.successorRenumbered }
    : null
  if (record) {
    if (!record.successorLawId) return { record }
    const [same, first] = await Promise.all([
      s.articleLabel && !record.successorRenumbered ? articleOfLaw(db, record.successorLawId, s.articleLabel) : Promise.resolve(undefined),
      firstArticleOf(db, record.successorLawId),
    ])
    return { record, sameLabelCurrent: same ?? null, successorFirst: first ?? null }
  }
  const same = s.articleLabel ? await sameLabelInForce(db, s.lawTitle, s.articleLabel, s.lawId) : undefined
  return { sameLabelCurrent: same ?? null }
}

/** One article in its law and chapter, where it stands, its neighbours (±2) and the published cases citing it. */
export async function getStatuteDetail(deps: StatuteReadDeps, input: { id: string }): Promise<StatuteDetailDto> {
  const s = await getStatute(deps.db, input.id)
  if (!s) throw new DomainError('STATUTE_NOT_FOUND')
  const [neighbours, citedBy, ctx] = await Promise.all([
    s.articleNo === null ? Promise.resolve([s]) : neighbourArticles(deps.db, s.lawId, s.articleNo, 2),
    publishedCasesCiting(deps.db, s.id),
    statusContextOf(deps, s),
  ])
  return {
    statute: toStatuteDto(s),
    status: describeStatuteStatus(s, ctx),
    neighbours: neighbours.map(toStatuteDto),
    citedBy: citedBy.map(toCaseSummaryDto),
  }
}

// ---- editors: law status and new versions -------------------------------------------------------

/** `ipHash`: the hashed address of the request, for the audit (absent for the seed). */
export interface StatuteEditorDeps { db: Db, ipHash?: string | null }

function toLawStatusDto(r: LawStatusRow, successorTitle: string | null): LawStatusDto {
  return {
    lawId: r.lawId, lawTitle: r.lawTitle, status: r.status, effectiveDate: r.effectiveDate, note: r.note,
    successorLawId: r.successorLawId, successorTitle, successorRenumbered: r.successorRenumbered, source: r.source,
    updatedAt: r.updatedAt.toISOString(),
  }
}

export async function listLawStatusRecords(deps: StatuteReadDeps): Promise<LawStatusDto[]> {
  const rows = await listLawStatus(deps.db)
  const laws = await lawsById(deps.db, rows.flatMap(r => (r.successorLawId ? [r.successorLawId] : [])))
  return rows.map(r => toLawStatusDto(r, r.successorLawId ? laws.get(r.successorLawId)?.lawTitle ?? null : null))
}

const createdByOf = (a: AuditActor) => (a && typeof a === 'object' ? a.id : null)

/** Inside a transaction: the record, every article out of force, the index told, the audit row. */
async function markInTx(tx: DbOrTx, deps: StatuteEditorDeps, actor: AuditActor, lawId: string, lawTitle: string, body: MarkLawStatusBody, source: LawStatusRow['source'], action: string): Promise<LawStatusRow> {
  const row = await upsertLawStatus(tx, {
    lawId, lawTitle, status: body.status, effectiveDate: body.effectiveDate ?? null, note: body.note,
    successorLawId: body.successorLawId ?? null, successorRenumbered: body.successorRenumbered, source, createdBy: createdByOf(actor),
  })
  const ids = await articleIdsOfLaw(tx, lawId)
  // the worker reads each article again: not in force → deleted from the statutes index
  await enqueueSearch(tx, STATUTES_INDEX, ids)
  await writeAudit(tx, {
    actor, action, objectType: 'law', objectId: lawId, ipHash: deps.ipHash,
    detail: { status: body.status, effectiveDate: body.effectiveDate ?? null, successorLawId: body.successorLawId ?? null, renumbered: body.successorRenumbered, articles: ids.length, source },
  })
  return row
}

async function assertLaws(db: Db, lawId: string, successorLawId?: string): Promise<{ lawTitle: string }> {
  if (successorLawId === lawId) throw new DomainError('LAW_SUCCESSOR_SELF')
  const laws = await lawsById(db, successorLawId ? [lawId, successorLawId] : [lawId])
  const law = laws.get(lawId)
  if (!law) throw new DomainError('LAW_NOT_FOUND')
  if (successorLawId && !laws.get(successorLawId)) throw new DomainError('LAW_SUCCESSOR_NOT_FOUND')
  return { lawTitle: law.lawTitle }
}

/**
 * Marks a law repealed or superseded (date, note, successor). Audited; the statutes index drops
 * its articles through the outbox; the ranker rebuilds (its version includes law_status_changes).
 */
export async function markLawStatus(deps: StatuteEditorDeps, input: MarkLawStatusBody & { lawId: string }, actor: ActorRef): Promise<LawStatusDto> {
  const { lawId, ...body } = input
  const { lawTitle } = await assertLaws(deps.db, lawId, body.successorLawId)
  const row = await deps.db.transaction(tx => markInTx(tx, deps, auditActorOf(actor), lawId, lawTitle, body, 'editor', 'law.mark_status'))
  const successor = body.successorLawId ? (await lawsById(deps.db, [body.successorLawId])).get(body.successorLawId)?.lawTitle ?? null : null
  return toLawStatusDto(row, successor)
}

/**
 * Imports a new version of a law from a file (the statutes dataset's JSONL format) and, when it
 * replaces an older text, marks that one superseded with the new law as its successor: one
 * transaction, audited, every changed article through the outbox.
 */
export async function importLawVersion(deps: StatuteEditorDeps, body: ImportLawVersionBody, actor: ActorRef): Promise<ImportLawVersionResult> {
  const records = parseLawVersionFile(body.jsonl)
  const lawId = records[0]!.law_id
  const lawTitle = records[0]!.law_title
  if (body.supersedesLawId === lawId) throw new DomainError('LAW_SUCCESSOR_SELF', undefined, '新版本的法律编号不能与被取代的法律相同')
  const taken = await idsOwnedByOtherLaw(deps.db, records.map(r => r.id), lawId)
  if (taken.length) throw new DomainError('IMPORT_ID_TAKEN', { statuteIds: taken.slice(0, 20) })
  const old = body.supersedesLawId ? await assertLaws(deps.db, body.supersedesLawId) : null
  const superseded = await deps.db.transaction(async (tx) => {
    await statuteImportPort(tx).upsert(records)
    await enqueueSearch(tx, STATUTES_INDEX, records.map(r => r.id))
    await writeAudit(tx, {
      actor: auditActorOf(actor), action: 'law.import_version', objectType: 'law', objectId: lawId, ipHash: deps.ipHash,
      detail: { articles: records.length, versionDate: records[0]!.version_date ?? null, supersedesLawId: body.supersedesLawId ?? null },
    })
    if (!body.supersedesLawId || !old) return null
    return markInTx(tx, deps, auditActorOf(actor), body.supersedesLawId, old.lawTitle, {
      status: 'superseded', effectiveDate: body.effectiveDate ?? records[0]!.version_date ?? undefined, note: body.note,
      successorLawId: lawId, successorRenumbered: body.renumbered,
    }, 'import', 'law.mark_status')
  })
  return { lawId, lawTitle, articles: records.length, superseded: superseded ? toLawStatusDto(superseded, lawTitle) : null }
}

/**
 * Writes a law-status record without requiring the law's articles to be stored yet (the seed runs
 * before the background import reaches them: each later upsert applies the record). Audited.
 */
export async function recordLawStatus(deps: StatuteEditorDeps, input: MarkLawStatusBody & { lawId: string, lawTitle: string, source: LawStatusRow['source'] }, actor: AuditActor): Promise<void> {
  const { lawId, lawTitle, source, ...body } = input
  await deps.db.transaction(tx => markInTx(tx, deps, actor, lawId, lawTitle, body, source, 'law.mark_status'))
}
