// The case library's use cases. Public: a published case by its slug (anything else is 404).
// Editors: list, open, draft → publish → unpublish. Every change writes its audit row and its
// search-outbox row in the SAME transaction as the change. Publishing refuses personal information
// (ID numbers, phone numbers, e-mail, real names) found by findPii.
// One signature: verbNoun(deps, input, actor?).
import { findPii, type PiiKind } from '../../../shared/domain/cases/pii'
import type { CreateCaseBody, StaffCaseListQuery, UpdateCaseBody } from '../../../shared/schemas/case-editor'
import type { CaseDetailDto, StaffCaseDto, StaffCaseListDto } from '../../../shared/types/cases'
import { CASES_INDEX } from '../../adapters/search/definitions/cases'
import type { Db } from '../../db/client'
import type { CaseRow } from '../../db/schema'
import { DomainError } from '../errors'
import { writeAudit } from '../../repositories/audit'
import { auditActorOf, type ActorRef } from '../platform/actor'
import {
  caseStatuteIds, citedStatutes, getCase, getCaseBySlug, insertCase, listCasesForStaff, relatedPublishedCases, replaceCaseStatutes,
  setCaseStatus, updateCase,
} from '../../repositories/cases'
import { enqueueSearch } from '../../repositories/search-outbox'
import { existingStatuteIds } from '../../repositories/statutes'
import { toCaseDetailDto, toStaffCaseDto } from './dto'

/** The library search (statutes + cases) is a use case of this area; its code lives in ./search. */
export { searchLibrary, type LibrarySearchDeps, type SearchTimings } from './search'

/** `ipHash`: the hashed address of the request, for the audit (absent outside a request). */
export interface CaseDeps { db: Db, ipHash?: string | null }

const TEXT_FIELDS = ['title', 'summary', 'facts', 'question', 'outcome', 'explanation', 'source'] as const
const LIST_FIELDS = ['nextSteps', 'commonQuestions'] as const

/** Fields (e.g. `facts`, `nextSteps.1`) that carry personal information, with the kinds found. */
export function piiFields(c: Pick<CaseRow, typeof TEXT_FIELDS[number] | typeof LIST_FIELDS[number]>): { fields: string[], kinds: PiiKind[] } {
  const fields: string[] = []
  const kinds = new Set<PiiKind>()
  const check = (name: string, text: string) => {
    const found = findPii(text)
    if (found.length) {
      fields.push(name)
      for (const f of found) kinds.add(f.kind)
    }
  }
  for (const f of TEXT_FIELDS) check(f, c[f])
  for (const f of LIST_FIELDS) c[f].forEach((t, i) => check(`${f}.${i}`, t))
  return { fields, kinds: [...kinds] }
}

function assertNoPii(c: Parameters<typeof piiFields>[0]) {
  const { fields, kinds } = piiFields(c)
  if (fields.length) {
    throw new DomainError('PII_DETECTED', { fields, kinds })
  }
}

async function assertStatutesExist(db: Db, ids: readonly string[]) {
  const known = await existingStatuteIds(db, ids)
  const missing = ids.filter(id => !known.has(id))
  if (missing.length) throw new DomainError('UNKNOWN_STATUTE', { statuteIds: missing })
}


function fieldsOf(body: CreateCaseBody | UpdateCaseBody) {
  return {
    slug: body.slug, title: body.title, category: body.category, groups: body.groups, region: body.region, date: body.date,
    source: body.source, facts: body.facts, question: body.question, outcome: body.outcome, explanation: body.explanation,
    nextSteps: body.nextSteps, commonQuestions: body.commonQuestions, summary: body.summary,
  }
}

// ---- public ------------------------------------------------------------------------------------

/** A published case with the statutes it cites and related cases; drafts and unpublished cases are 404. */
export async function getPublishedCase(deps: Pick<CaseDeps, 'db'>, input: { slug: string }): Promise<CaseDetailDto> {
  const c = await getCaseBySlug(deps.db, input.slug)
  if (!c || c.status !== 'published') throw new DomainError('CASE_NOT_FOUND')
  const [statutes, related] = await Promise.all([citedStatutes(deps.db, c.id), relatedPublishedCases(deps.db, c.category, c.id)])
  return toCaseDetailDto(c, statutes, related)
}

// ---- editors ------------------------------------------------------------------------------------

export async function listStaffCases(deps: Pick<CaseDeps, 'db'>, input: StaffCaseListQuery): Promise<StaffCaseListDto> {
  const { rows, total } = await listCasesForStaff(deps.db, { status: input.status, limit: input.limit, offset: (input.page - 1) * input.limit })
  return {
    items: rows.map(r => ({ id: r.id, slug: r.slug, title: r.title, category: r.category, status: r.status, kind: r.kind, isDemo: r.isDemo, version: r.version, updatedAt: r.updatedAt.toISOString() })),
    total,
  }
}

async function mustGet(db: Db, id: string): Promise<CaseRow> {
  const row = await getCase(db, id)
  if (!row) throw new DomainError('CASE_NOT_FOUND')
  return row
}

export async function getStaffCase(deps: Pick<CaseDeps, 'db'>, input: { id: string }): Promise<StaffCaseDto> {
  const row = await mustGet(deps.db, input.id)
  return toStaffCaseDto(row, await caseStatuteIds(deps.db, row.id))
}

/** A new case is always a draft: invisible to the public until published. */
export async function createDraftCase(deps: CaseDeps, input: CreateCaseBody, actor: ActorRef): Promise<StaffCaseDto> {
  await assertStatutesExist(deps.db, input.statuteIds)
  const row = await deps.db.transaction(async (tx) => {
    const row = await insertCase(tx, { ...fieldsOf(input), kind: 'explained', status: 'draft', isDemo: false, createdBy: actor.id }, input.statuteIds)
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'case.create', objectType: 'case', objectId: row.id, ipHash: deps.ipHash, detail: { slug: row.slug } })
    return row
  })
  return toStaffCaseDto(row, input.statuteIds)
}

export async function updateDraftOrPublishedCase(deps: CaseDeps, input: UpdateCaseBody & { id: string }, actor: ActorRef): Promise<StaffCaseDto> {
  const { id } = input
  const current = await mustGet(deps.db, id)
  await assertStatutesExist(deps.db, input.statuteIds)
  // A published case stays public while it is edited: the same guard as publishing applies.
  if (current.status === 'published') assertNoPii(fieldsOf(input))
  const row = await deps.db.transaction(async (tx) => {
    const row = await updateCase(tx, id, input.version, fieldsOf(input))
    if (!row) throw new DomainError('CASE_VERSION_CONFLICT')
    await replaceCaseStatutes(tx, id, input.statuteIds)
    if (row.status === 'published') await enqueueSearch(tx, CASES_INDEX, [id])
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'case.update', objectType: 'case', objectId: id, ipHash: deps.ipHash, detail: { version: row.version } })
    return row
  })
  return toStaffCaseDto(row, input.statuteIds)
}

export async function publishCase(deps: CaseDeps, input: { id: string }, actor: ActorRef): Promise<StaffCaseDto> {
  const { id } = input
  const current = await mustGet(deps.db, id)
  if (current.status === 'published') throw new DomainError('CASE_ALREADY_PUBLISHED')
  assertNoPii(current)
  const row = await deps.db.transaction(async (tx) => {
    const row = await setCaseStatus(tx, id, 'published')
    if (!row) throw new DomainError('CASE_NOT_FOUND')
    await enqueueSearch(tx, CASES_INDEX, [id])
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'case.publish', objectType: 'case', objectId: id, ipHash: deps.ipHash, detail: { version: row.version } })
    return row
  })
  return toStaffCaseDto(row, await caseStatuteIds(deps.db, id))
}

export async function unpublishCase(deps: CaseDeps, input: { id: string }, actor: ActorRef): Promise<StaffCaseDto> {
  const { id } = input
  const current = await mustGet(deps.db, id)
  if (current.status !== 'published') throw new DomainError('CASE_NOT_PUBLISHED')
  const row = await deps.db.transaction(async (tx) => {
    const row = await setCaseStatus(tx, id, 'unpublished')
    if (!row) throw new DomainError('CASE_NOT_FOUND')
    await enqueueSearch(tx, CASES_INDEX, [id])
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'case.unpublish', objectType: 'case', objectId: id, ipHash: deps.ipHash, detail: { version: row.version } })
    return row
  })
  return toStaffCaseDto(row, await caseStatuteIds(deps.db, id))
}
