// The audit log's hash chain: each row carries the hash of the row before it and its own hash over
// (previous hash, its fields). Editing, deleting or inserting a row in the middle breaks the chain
// at that row, and `npm run audit:verify` names the first broken link. Framework-free.
import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

/** The fields a link covers (everything the row says). */
export interface ChainFields {
  id: number
  at: Date
  actorId: string | null
  actorRole: string | null
  action: string
  objectType: string | null
  objectId: string | null
  purpose: string | null
  ipHash: string | null
  outcome: string
  detail: Record<string, unknown> | null
}

/** JSON with object keys sorted at every level (jsonb does not keep key order). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o).filter(k => o[k] !== undefined).sort().map(k => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
}

export function linkHash(prevHash: string, r: ChainFields): string {
  const fields = [r.id, r.at.toISOString(), r.actorId, r.actorRole, r.action, r.objectType, r.objectId, r.purpose, r.ipHash, r.outcome]
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).update('\n').update(canonicalJson(r.detail)).digest('hex')
}

export interface ChainRow extends ChainFields { prevHash: string | null, hash: string | null }

export type ChainBreak =
  | { id: number, reason: 'unchained' } // a row without a hash after the chain began
  | { id: number, reason: 'edited' } // its hash does not match its fields
  | { id: number, reason: 'gap' } // its previous hash is not the hash of the row before it (a row removed or inserted)
  | { id: number | null, reason: 'head' } // the chain head does not point at the last row

export interface ChainVerifier {
  /** Feed rows in id order; returns the first break, once found. */
  push(r: ChainRow): ChainBreak | null
  /** After the last row: the head must name the last row and its hash. */
  finish(head: { lastId: number | null, lastHash: string } | null): ChainBreak | null
  checked(): number
}

/** Rows written before the chain existed (hash null at the very start) are skipped, not judged. */
export function chainVerifier(): ChainVerifier {
  let prev: { id: number, hash: string } | null = null
  let n = 0
  let broken: ChainBreak | null = null
  return {
    push(r) {
      if (broken) return broken
      if (r.hash === null || r.prevHash === null) {
        if (prev) broken = { id: r.id, reason: 'unchained' }
        return broken
      }
      n++
      if (linkHash(r.prevHash, r) !== r.hash) broken = { id: r.id, reason: 'edited' }
      else if (r.prevHash !== (prev?.hash ?? r.prevHash)) broken = { id: r.id, reason: 'gap' }
      else if (!prev && r.prevHash !== GENESIS_HASH) broken = { id: r.id, reason: 'gap' }
      prev = { id: r.id, hash: r.hash }
      return broken
    },
    finish(head) {
      if (broken) return broken
      if (!head) return prev ? { id: null, reason: 'head' } : null
      if ((prev?.id ?? null) !== head.lastId || (prev?.hash ?? GENESIS_HASH) !== head.lastHash) broken = { id: prev?.id ?? null, reason: 'head' }
      return broken
    },
    checked: () => n,
  }
}
