// The editor workflow of the case library: draft → publish → unpublish. Every change writes its
// audit row and its search-outbox row in the SAME transaction as the change. Publishing refuses
// personal information (ID numbers, phone numbers, e-mail, real names) found by findPii.
// Lives in services (not domain) because it runs transactions over several repositories.
import { findPii, type PiiKind } from '../../shared/domain/cases/pii'
import type { CreateCaseBody, UpdateCaseBody } from '../../shared/schemas/case-editor'
import { CASES_INDEX } from '../adapters/search/definitions/cases'
import type { Db } from '../db/client'
import type { CaseRow } from '../db/schema'
import { DomainError } from '../domain/errors'
import { writeAudit } from '../repositories/audit'
import { auditActorOf, type ActorRef } from '../domain/platform/actor'
import { getCase, insertCase, replaceCaseStatutes, setCaseStatus, updateCase } from '../repositories/cases'
import { enqueueSearch } from '../repositories/search-outbox'
import { existingStatuteIds } from '../repositories/statutes'

export interface EditorDeps { db: Db, actor: ActorRef, ipHash?: string | null }

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

export async function createDraftCase(deps: EditorDeps, body: CreateCaseBody): Promise<CaseRow> {
  await assertStatutesExist(deps.db, body.statuteIds)
  return deps.db.transaction(async (tx) => {
    const row = await insertCase(tx, { ...fieldsOf(body), kind: 'explained', status: 'draft', isDemo: false, createdBy: deps.actor.id }, body.statuteIds)
    await writeAudit(tx, { actor: auditActorOf(deps.actor), action: 'case.create', objectType: 'case', objectId: row.id, ipHash: deps.ipHash, detail: { slug: row.slug } })
    return row
  })
}

async function mustGet(db: Db, id: string): Promise<CaseRow> {
  const row = await getCase(db, id)
  if (!row) throw new DomainError('CASE_NOT_FOUND')
  return row
}

export async function updateDraftOrPublishedCase(deps: EditorDeps, id: string, body: UpdateCaseBody): Promise<CaseRow> {
  const current = await mustGet(deps.db, id)
  await assertStatutesExist(deps.db, body.statuteIds)
  // A published case stays public while it is edited: the same guard as publishing applies.
  if (current.status === 'published') assertNoPii(fieldsOf(body))
  return deps.db.transaction(async (tx) => {
    const row = await updateCase(tx, id, body.version, fieldsOf(body))
    if (!row) throw new DomainError('CASE_VERSION_CONFLICT')
    await replaceCaseStatutes(tx, id, body.statuteIds)
    if (row.status === 'published') await enqueueSearch(tx, CASES_INDEX, [id])
    await writeAudit(tx, { actor: auditActorOf(deps.actor), action: 'case.update', objectType: 'case', objectId: id, ipHash: deps.ipHash, detail: { version: row.version } })
    return row
  })
}

export async function publishCase(deps: EditorDeps, id: string): Promise<CaseRow> {
  const current = await mustGet(deps.db, id)
  if (current.status === 'published') throw new DomainError('CASE_ALREADY_PUBLISHED')
  assertNoPii(current)
  return deps.db.transaction(async (tx) => {
    const row = await setCaseStatus(tx, id, 'published')
    if (!row) throw new DomainError('CASE_NOT_FOUND')
    await enqueueSearch(tx, CASES_INDEX, [id])
    await writeAudit(tx, { actor: auditActorOf(deps.actor), action: 'case.publish', objectType: 'case', objectId: id, ipHash: deps.ipHash, detail: { version: row.version } })
    return row
  })
}

export async function unpublishCase(deps: EditorDeps, id: string): Promise<CaseRow> {
  const current = await mustGet(deps.db, id)
  if (current.status !== 'published') throw new DomainError('CASE_NOT_PUBLISHED')
  return deps.db.transaction(async (tx) => {
    const row = await setCaseStatus(tx, id, 'unpublished')
    if (!row) throw new DomainError('CASE_NOT_FOUND')
    await enqueueSearch(tx, CASES_INDEX, [id])
    await writeAudit(tx, { actor: auditActorOf(deps.actor), action: 'case.unpublish', objectType: 'case', objectId: id, ipHash: deps.ipHash, detail: { version: row.version } })
    return row
  })
}
