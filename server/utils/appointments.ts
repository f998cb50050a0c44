// Nitro glue for bookings: per-instance dependencies from the AppContext, and the no-JS form helpers.
import type { AppContext } from '../app-context'
import type { AppointmentDeps, PublicAppointmentDeps } from '../domain/appointments/service'
import { personalDataCryptoOf } from './personal-data'

/** The booking service's dependencies; `ipHash` (requestIpHash) for the audit and the public look-up limit. */
export function appointmentDeps(app: AppContext, ipHash: string): PublicAppointmentDeps
export function appointmentDeps(app: AppContext, ipHash?: string | null): AppointmentDeps
export function appointmentDeps(app: AppContext, ipHash: string | null = null): AppointmentDeps {
  const crypto = personalDataCryptoOf(app)
  const c = app.config.appointments
  return {
    db: app.db, crypto, now: () => new Date(),
    limits: { perAddressPerHour: c.perAddressPerHour, perPhoneActive: c.perPhoneActive, holdMinutes: c.holdMinutes },
    siteUrl: c.siteUrl.replace(/\/$/, ''),
    ipHash,
  }
}

/** Only the staff day view may follow a staff form post (no open redirect); its filters come back in `back`. */
export function staffDayViewPath(v: string | undefined): string {
  return v && /^\/staff\/appointments(?:\?[\w=&%.-]*)?$/.test(v) && v.length < 300 ? v : '/staff/appointments'
}

/** The day view a staff form came from (its `back` field) with `q` added to its address (the result or the refusal). */
export function staffDayViewWith(back: string | undefined, q: Record<string, string>): string {
  const path = staffDayViewPath(back)
  return `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(q)}`
}

/** What a resident typed into a booking or waitlist form, cut to its fields' limits (the draft cookie stays small). */
export function keptTyped(t: Partial<Record<'slotId' | 'name' | 'phone' | 'topic' | 'note', unknown>>) {
  const s = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '')
  return { slotId: s(t.slotId, 36), name: s(t.name, 50), phone: s(t.phone, 30), topic: s(t.topic, 20), note: s(t.note, 500) }
}
