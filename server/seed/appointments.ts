// Demo appointment slots: the next 5 working days at the city centre and the six county centres
// (walk-in 09:30, 10:30, 15:00, 16:00; 3 places) and online every day 19:00 and 20:00 (30 min,
// 5 places). Asia/Shanghai. Idempotent (unique channel + point + start).
import { inArray } from 'drizzle-orm'
import { servicePoints } from '../db/schema'
import { insertSlotsIfAbsent } from '../repositories/appointments'
import { addDays, atShanghai, shanghaiDay, workingDaysFrom } from '../../shared/time/calendar'
import type { SeedStep } from './registry'

export const WALK_IN_TIMES = ['09:30', '10:30', '15:00', '16:00']
export const WALK_IN_MINUTES = 45
export const WALK_IN_CAPACITY = 3
export const ONLINE_TIMES = ['19:00', '20:00']
export const ONLINE_MINUTES = 30
export const ONLINE_CAPACITY = 5
const DAYS = 5
const MIN = 60_000

const at = atShanghai

/** Every calendar day from today (Asia/Shanghai), `count` of them. */
function nextDays(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(shanghaiDay(now), i))
}

export function demoAppointmentSlots(now: Date, pointIds: string[]) {
  const walkIn = workingDaysFrom(shanghaiDay(now), DAYS).flatMap(day => pointIds.flatMap(servicePointId => WALK_IN_TIMES.map(t => ({
    channel: 'walk_in' as const, servicePointId, startsAt: at(day, t), endsAt: new Date(at(day, t).getTime() + WALK_IN_MINUTES * MIN), capacity: WALK_IN_CAPACITY, isDemo: true,
  }))))
  // Online runs every day: the week ahead covers the same span as the 5 working days.
  const online = nextDays(now, 7).flatMap(day => ONLINE_TIMES.map(t => ({
    channel: 'online' as const, servicePointId: null, startsAt: at(day, t), endsAt: new Date(at(day, t).getTime() + ONLINE_MINUTES * MIN), capacity: ONLINE_CAPACITY, isDemo: true,
  })))
  return [...walkIn, ...online].filter(s => s.startsAt.getTime() > now.getTime())
}

export const seedAppointments: SeedStep = {
  name: 'appointment-slots',
  demo: true,
  async run(ctx, log) {
    const points = await ctx.db.select({ id: servicePoints.id }).from(servicePoints)
      .where(inArray(servicePoints.level, ['city', 'county']))
    if (!points.length) return
    const added = await insertSlotsIfAbsent(ctx.db, demoAppointmentSlots(new Date(), points.map(p => p.id)))
    if (added) log(`appointments: ${added} demo slots`)
  },
}
