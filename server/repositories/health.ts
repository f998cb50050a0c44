// What the health check asks the database. No policy here (server/domain/health/service.ts).
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'

/** A round trip to the database (throws when it is unreachable). */
export async function pingDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`)
}
