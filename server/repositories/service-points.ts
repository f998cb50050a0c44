import { asc } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { servicePoints } from '../db/schema'

export function listServicePoints(db: DbOrTx) {
  return db.select().from(servicePoints).orderBy(asc(servicePoints.code))
}
