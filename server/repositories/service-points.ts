import { asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { servicePoints, type ServicePoint } from '../db/schema'

/** Every point in code order; `activeOnly` leaves out the points admins have taken out of service. */
export function listServicePoints(db: DbOrTx, f: { activeOnly?: boolean } = {}) {
  return db.select().from(servicePoints).where(f.activeOnly ? eq(servicePoints.active, true) : undefined).orderBy(asc(servicePoints.code))
}

/** One point, locked for an edit in the caller's transaction. */
export async function lockServicePoint(tx: DbOrTx, id: string): Promise<ServicePoint | undefined> {
  const [row] = await tx.select().from(servicePoints).where(eq(servicePoints.id, id)).for('update')
  return row
}

export async function updateServicePointDetails(tx: DbOrTx, id: string, set: Pick<ServicePoint, 'address' | 'phone' | 'openingHours' | 'accessibility' | 'active' | 'demoFields'>): Promise<ServicePoint> {
  const [row] = await tx.update(servicePoints).set({ ...set, updatedAt: new Date() }).where(eq(servicePoints.id, id)).returning()
  return row!
}

/** Whether a point takes bookings (unknown points count as not). */
export async function isServicePointActive(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ active: servicePoints.active }).from(servicePoints).where(eq(servicePoints.id, id))
  return row?.active === true
}
