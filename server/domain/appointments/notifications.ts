/**
 * Texts to residents through the notification outbox: queued in the transaction of the change they
 * announce, sent by a worker that claims rows with FOR UPDATE SKIP LOCKED plus a lease (several
 * instances never send one row twice). The sender is pluggable: a logging sender by default (it
 * logs the kind and the row id, never a phone or a text), a webhook sender for an SMS gateway.
 */
import * as notes from '../../repositories/notifications'
import * as repo from '../../repositories/appointments'
import { addDays, atShanghai, shanghaiDay } from '../../../shared/time/calendar'
import { type AppointmentDeps, decryptPhone, manageTokenOf, queueText, textInput } from './booking'
import { texts } from './texts'
import type { NotificationKind } from '../../db/schema'

export interface OutgoingText { id: string, kind: NotificationKind, to: string, text: string }
export interface NotificationSender { name: string, send(m: OutgoingText): Promise<void> }

export function loggingSender(log: (m: string) => void = console.log): NotificationSender {
  return { name: 'log', async send(m) { log(`notification: ${m.kind} ${m.id} (logging sender, not delivered)`) } }
}

/** POSTs `{ id, kind, to, text }` as JSON; a non-2xx answer or a timeout is a failure (retried with backoff). */
export function webhookSender(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = 5000): NotificationSender {
  return {
    name: 'webhook',
    async send(m) {
      const r = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(m), signal: AbortSignal.timeout(timeoutMs) })
      if (!r.ok) throw new Error(`webhook answered ${r.status}`)
    },
  }
}

/** Sends up to `limit` (20) due texts through `deps.sender`. Returns [sent, failed]. Errors logged carry no personal data. */
export async function sendDueNotifications(deps: AppointmentDeps & { sender: NotificationSender }, input: { limit?: number } = {}): Promise<[number, number]> {
  const { sender } = deps
  const limit = input.limit ?? 20
  const now = deps.now()
  const claimed = await notes.claimNotifications(deps.db, now, limit)
  let sent = 0
  let failed = 0
  for (const n of claimed) {
    try {
      const a = await repo.findById(deps.db, n.appointmentId)
      if (!a) throw new Error('appointment missing')
      const text = deps.crypto.cipher.decrypt(n.bodyEnc, `notification_outbox:${n.dedupeKey}`)
      await sender.send({ id: n.id, kind: n.kind, to: decryptPhone(deps, a.appointment), text })
      await notes.markSent(deps.db, n.id, deps.now())
      sent++
    } catch (e) {
      failed++
      const msg = e instanceof Error ? e.message.replace(/\d{5,}/g, '…') : 'error'
      await notes.markFailed(deps.db, n.id, n.attempts, msg, deps.now())
    }
  }
  return [sent, failed]
}

/** Queues tomorrow's reminders (Asia/Shanghai), once per appointment. Returns how many. */
export async function queueReminders(deps: AppointmentDeps): Promise<number> {
  const now = deps.now()
  const tomorrow = addDays(shanghaiDay(now), 1)
  const due = await notes.dueForReminder(deps.db, atShanghai(tomorrow, '00:00'), atShanghai(addDays(tomorrow, 1), '00:00'))
  let n = 0
  for (const { id } of due) {
    await deps.db.transaction(async (tx) => {
      const a = await repo.lockAppointment(tx, id)
      if (!a || a.status !== 'booked' || a.reminderQueuedAt) return
      const slot = (await repo.findSlot(tx, a.slotId))!
      const point = slot.servicePointId ? await repo.findServicePoint(tx, slot.servicePointId) : undefined
      await queueText(tx, deps, id, 'reminder', texts.reminder(textInput(deps, a, slot, point?.name ?? null, manageTokenOf(deps, a))), `reminder:${id}:${slot.id}`, now)
      await repo.updateAppointment(tx, id, { reminderQueuedAt: now })
      n++
    })
  }
  return n
}
