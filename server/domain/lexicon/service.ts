// Lexicon review: a new entry is a draft; an editor approves or rejects it. Approval changes the
// synonyms of the statute and case indexes, so their settings are re-applied (and awaited) after
// the commit. If the engine is down, ensureIndexes re-applies them at the next start.
// One signature: verbNoun(deps, input, actor?).
import type { CreateLexiconBody, LexiconListQuery } from '../../../shared/schemas/case-editor'
import type { LexiconEntryDto } from '../../../shared/types/cases'
import type { SearchConnection } from '../../adapters/search/client'
import { casesIndex } from '../../adapters/search/definitions/cases'
import { statutesIndex } from '../../adapters/search/definitions/statutes'
import type { IndexDefinition } from '../../adapters/search/types'
import type { Db } from '../../db/client'
import { DomainError } from '../errors'
import { writeAudit } from '../../repositories/audit'
import { getLexiconEntry, insertLexiconEntry, listLexicon, reviewLexiconEntry } from '../../repositories/lexicon'
import { auditActorOf, type ActorRef } from '../platform/actor'
import { toLexiconEntryDto } from '../cases/dto'

/**
 * `search`: the engine whose settings approval re-applies (null: none, nothing is re-applied);
 * `onChange`: called after a review commits (the search lexicon cache drops its copy);
 * `ipHash`: the hashed address of the request, for the audit.
 */
export interface LexiconDeps { db: Db, search?: SearchConnection | null, onChange?: () => void, ipHash?: string | null }

export async function listLexiconEntries(deps: Pick<LexiconDeps, 'db'>, input: LexiconListQuery): Promise<LexiconEntryDto[]> {
  return (await listLexicon(deps.db, input.status)).map(toLexiconEntryDto)
}

/** A proposed entry is a draft: search ignores it until approved. */
export async function proposeLexiconEntry(deps: LexiconDeps, input: CreateLexiconBody, actor: ActorRef): Promise<LexiconEntryDto> {
  const row = await deps.db.transaction(async (tx) => {
    const row = await insertLexiconEntry(tx, { id: input.id, colloquial: input.colloquial, legal: input.legal, kind: input.kind, domain: input.domain ?? null, note: input.note ?? null, source: 'editor' })
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'lexicon.create', objectType: 'lexicon_entry', objectId: row.id, ipHash: deps.ipHash })
    return row
  })
  return toLexiconEntryDto(row)
}

export async function reviewLexicon(deps: LexiconDeps, input: { id: string, decision: 'approved' | 'rejected' }, actor: ActorRef): Promise<LexiconEntryDto> {
  const { id, decision } = input
  const row = await deps.db.transaction(async (tx) => {
    const row = await reviewLexiconEntry(tx, id, decision, actor.id)
    if (!row) {
      const exists = await getLexiconEntry(tx, id)
      if (!exists) throw new DomainError('LEXICON_NOT_FOUND')
      throw new DomainError('LEXICON_NOT_DRAFT')
    }
    await writeAudit(tx, { actor: auditActorOf(actor), action: decision === 'approved' ? 'lexicon.approve' : 'lexicon.reject', objectType: 'lexicon_entry', objectId: id, ipHash: deps.ipHash })
    return row
  })
  deps.onChange?.()
  return toLexiconEntryDto(row)
}

/** Approving changes the synonyms: the index settings are re-applied after the commit. */
export async function approveLexiconEntry(deps: LexiconDeps, input: { id: string }, actor: ActorRef): Promise<LexiconEntryDto & { settingsApplied: boolean }> {
  const entry = await reviewLexicon(deps, { id: input.id, decision: 'approved' }, actor)
  const settingsApplied = await refreshIndexSettings(deps)
  return { ...entry, settingsApplied }
}

export async function rejectLexiconEntry(deps: LexiconDeps, input: { id: string }, actor: ActorRef): Promise<LexiconEntryDto> {
  return reviewLexicon(deps, { id: input.id, decision: 'rejected' }, actor)
}

/**
 * Re-applies the declared settings of `input.defs` (the statute and case indexes) on `deps.search`
 * and waits (up to `input.timeoutMs`, 8 s) for the engine's tasks.
 * false = not confirmed in time: the task stays queued in the engine and still applies, and
 * ensureIndexes re-applies the settings at every start, so nothing is lost.
 */
export async function refreshIndexSettings(deps: Pick<LexiconDeps, 'db' | 'search'>, input: { defs?: readonly IndexDefinition[], timeoutMs?: number } = {}): Promise<boolean> {
  const { db, search: conn } = deps
  const { defs = [statutesIndex, casesIndex], timeoutMs = 8_000 } = input
  if (!conn) return false
  try {
    for (const def of defs) {
      const task = await conn.client.index(conn.uid(def.name)).updateSettings(await def.settings(db)).waitTask({ timeout: timeoutMs })
      if (task.status !== 'succeeded') return false
    }
    return true
  } catch {
    return false
  }
}
