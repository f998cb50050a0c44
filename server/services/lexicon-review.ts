// Lexicon review: a new entry is a draft; an editor approves or rejects it. Approval changes the
// synonyms of the statute and case indexes, so their settings are re-applied (and awaited) after
// the commit. If the engine is down, ensureIndexes re-applies them at the next start.
import type { CreateLexiconBody } from '../../shared/schemas/case-editor'
import type { SearchConnection } from '../adapters/search/client'
import type { IndexDefinition } from '../adapters/search/types'
import type { Db } from '../db/client'
import type { LexiconRow } from '../db/schema'
import { DomainError } from '../domain/errors'
import { writeAudit } from '../repositories/audit'
import { getLexiconEntry, insertLexiconEntry, reviewLexiconEntry } from '../repositories/lexicon'
import type { ActorRef } from '../domain/platform/actor'

export interface LexiconDeps { db: Db, actor: ActorRef, ipHash?: string | null }

export async function proposeLexiconEntry(deps: LexiconDeps, body: CreateLexiconBody): Promise<LexiconRow> {
  return deps.db.transaction(async (tx) => {
    const row = await insertLexiconEntry(tx, { id: body.id, colloquial: body.colloquial, legal: body.legal, kind: body.kind, domain: body.domain ?? null, note: body.note ?? null, source: 'editor' })
    await writeAudit(tx, { actor: { id: deps.actor.id, role: deps.actor.role }, action: 'lexicon.create', objectType: 'lexicon_entry', objectId: row.id, ipHash: deps.ipHash })
    return row
  })
}

export async function reviewLexicon(deps: LexiconDeps, id: string, decision: 'approved' | 'rejected'): Promise<LexiconRow> {
  return deps.db.transaction(async (tx) => {
    const row = await reviewLexiconEntry(tx, id, decision, deps.actor.id)
    if (!row) {
      const exists = await getLexiconEntry(tx, id)
      if (!exists) throw new DomainError('LEXICON_NOT_FOUND')
      throw new DomainError('LEXICON_NOT_DRAFT')
    }
    await writeAudit(tx, { actor: { id: deps.actor.id, role: deps.actor.role }, action: decision === 'approved' ? 'lexicon.approve' : 'lexicon.reject', objectType: 'lexicon_entry', objectId: id, ipHash: deps.ipHash })
    return row
  })
}

/**
 * Re-applies the declared settings of `defs` and waits (up to `timeoutMs`) for the engine's tasks.
 * false = not confirmed in time: the task stays queued in the engine and still applies, and
 * ensureIndexes re-applies the settings at every start, so nothing is lost.
 */
export async function refreshIndexSettings(db: Db, conn: SearchConnection | null, defs: readonly IndexDefinition[], timeoutMs = 8_000): Promise<boolean> {
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
