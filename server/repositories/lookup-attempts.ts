// Attempts to look something up with a reference + phone (legal-aid status, appointments): the
// counter behind the look-up limit (server/domain/platform/lookup-limit.ts).
import { and, count, eq, gte } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { legalAidLookupAttempts } from '../db/schema'

export async function countLookupAttempts(db: DbOrTx, since: Date, by: { ipHash?: string, referenceKey?: string, failedOnly?: boolean }): Promise<number> {
  const [r] = await db.select({ n: count() }).from(legalAidLookupAttempts).where(and(
    gte(legalAidLookupAttempts.at, since),
    by.ipHash ? eq(legalAidLookupAttempts.ipHash, by.ipHash) : undefined,
    by.referenceKey ? eq(legalAidLookupAttempts.referenceKey, by.referenceKey) : undefined,
    by.failedOnly ? eq(legalAidLookupAttempts.ok, false) : undefined,
  ))
  return Number(r?.n ?? 0)
}

export async function insertLookupAttempt(db: DbOrTx, row: { ipHash: string, referenceKey: string, ok: boolean, at: Date }): Promise<void> {
  await db.insert(legalAidLookupAttempts).values(row)
}
