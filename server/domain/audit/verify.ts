// Walks the whole audit log in id order and reports the first broken link of the hash chain.
import type { DbOrTx } from '../../db/client'
import { auditChainBatch, auditChainHeadRow } from '../../repositories/audit'
import { chainVerifier, type ChainBreak } from './chain'

export interface ChainReport { ok: boolean, rows: number, chained: number, firstBreak: ChainBreak | null }

export async function verifyAuditChain(db: DbOrTx, batch = 1000): Promise<ChainReport> {
  const v = chainVerifier()
  let after = 0
  let rows = 0
  for (;;) {
    const page = await auditChainBatch(db, after, batch)
    for (const r of page) {
      rows++
      const broken = v.push(r)
      if (broken) return { ok: false, rows, chained: v.checked(), firstBreak: broken }
    }
    if (page.length < batch) break
    after = page[page.length - 1]!.id
  }
  const broken = v.finish(await auditChainHeadRow(db))
  return { ok: !broken, rows, chained: v.checked(), firstBreak: broken }
}
