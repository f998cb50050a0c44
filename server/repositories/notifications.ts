// Notification outbox queries only (texts to residents). Claimed with FOR UPDATE SKIP LOCKED + a lease.
import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client'
import { notificationOutbox, type NotificationKind, type NotificationRow } from '../db/schema'
import { rowsOf } from './search-outbox'

export interface NewNotification { kind: NotificationKind, appointmentId: string, dedupeKey: string, bodyEnc: string, dueAt: Date }

/** Queued once per dedupe key (a reminder is never queued twice for one appointment). */
export async function enqueueNotification(tx: DbOrTx, n: NewNotification): Promise<boolean> {
  const r = await tx.insert(notificationOutbox).values(n).onConflictDoNothing({ target: notificationOutbox.dedupeKey }).returning({ id: notificationOutbox.id })
  return r.length === 1
}

export interface ClaimedNotification { id: string, kind: NotificationKind, appointmentId: string, dedupeKey: string, bodyEnc: string, attempts: number }

/** Claims due rows no other worker holds: the lease makes a crashed worker's rows claimable again. */
export async function claimNotifications(db: DbOrTx, now: Date, limit: number, leaseMs = 60_000): Promise<ClaimedNotification[]> {
  const res = await db.execute(sql`
    update notification_outbox o set lease_until = ${new Date(now.getTime() + leaseMs)}, attempts = o.attempts + 1, updated_at = ${now}
    where o.id in (
      select id from notification_outbox
      where status = 'pending' and due_at <= ${now} and (lease_until is null or lease_until < ${now})
      order by due_at limit ${limit}
      for update skip locked)
    returning o.id, o.kind, o.appointment_id, o.dedupe_key, o.body_enc, o.attempts`)
  return rowsOf<{ id: string, kind: NotificationKind, appointment_id: string, dedupe_key: string, body_enc: string, attempts: number }>(res)
    .map(r => ({ id: r.id, kind: r.kind, appointmentId: r.appointment_id, dedupeKey: r.dedupe_key, bodyEnc: r.body_enc, attempts: Number(r.attempts) }))
}

export async function markSent(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(notificationOutbox).set({ status: 'sent', sentAt: at, leaseUntil: null, updatedAt: at }).where(eq(notificationOutbox.id, id))
}

/** Retry later with backoff, or park as dead after `maxAttempts`. `error` must carry no personal data. */
export async function markFailed(db: DbOrTx, id: string, attempts: number, error: string, now: Date, maxAttempts = 6): Promise<void> {
  const dead = attempts >= maxAttempts
  await db.update(notificationOutbox).set({
    status: dead ? 'dead' : 'pending', lastError: error.slice(0, 200), leaseUntil: null, updatedAt: now,
    dueAt: new Date(now.getTime() + Math.min(2 ** attempts * 1000, 3600_000)),
  }).where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.status, 'pending')))
}

export async function notificationsOf(db: DbOrTx, appointmentId: string): Promise<NotificationRow[]> {
  return db.select().from(notificationOutbox).where(eq(notificationOutbox.appointmentId, appointmentId))
}

/** Booked appointments whose slot starts in [from, to) and got no reminder yet (for the day-before sweep). */
export async function dueForReminder(db: DbOrTx, from: Date, to: Date, limit = 200): Promise<Array<{ id: string }>> {
  const res = await db.execute(sql`
    select a.id from appointments a join appointment_slots s on s.id = a.slot_id
    where a.status = 'booked' and a.reminder_queued_at is null and s.starts_at >= ${from} and s.starts_at < ${to}
    limit ${limit}`)
  return rowsOf<{ id: string }>(res)
}

export async function pendingCount(db: DbOrTx): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(notificationOutbox).where(eq(notificationOutbox.status, 'pending'))
  return Number(r?.n ?? 0)
}

