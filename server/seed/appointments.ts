// Demo schedules (示例) from which the booking slots are computed (they replace the seeded demo slots):
//   city centre      walk-in Mon–Fri 09:00–12:00 and 13:30–17:30, 30 min, 2 places; Sat 09:00–12:00 (法律援助值班), 1 place
//   county centres   walk-in Mon–Fri 09:00–12:00 and 13:30–17:30, 60 min, 3 places
//   township posts   walk-in Mon–Fri 09:00–12:00, 60 min, 2 places
//   village rooms    walk-in Tue and Thu 09:00–11:30, 30 min, 1 place
//   online           every day 19:00–21:00, 30 min, 5 places (city-wide)
//   12348 callbacks  Mon–Fri 09:00–10:00, 14:00–15:00, 16:00–17:00, one-hour windows, 4 places (city-wide)
// Public holidays close them all; a 调休 working Saturday follows the Monday rules. Seeded once.
import { sql } from 'drizzle-orm'
import { bookingSchedules, servicePoints, type AppointmentChannel } from '../db/schema'
import type { SeedStep } from './registry'

interface DemoRule { channel: AppointmentChannel, weekdays: number[], startTime: string, endTime: string, slotMinutes: number, capacity: number }

const WEEKDAYS = [1, 2, 3, 4, 5]
export const DEMO_RULES: Record<'city' | 'county' | 'township' | 'village' | 'citywide', DemoRule[]> = {
  city: [
    { channel: 'walk_in', weekdays: WEEKDAYS, startTime: '09:00', endTime: '12:00', slotMinutes: 30, capacity: 2 },
    { channel: 'walk_in', weekdays: WEEKDAYS, startTime: '13:30', endTime: '17:30', slotMinutes: 30, capacity: 2 },
    { channel: 'walk_in', weekdays: [6], startTime: '09:00', endTime: '12:00', slotMinutes: 30, capacity: 1 },
  ],
  county: [
    { channel: 'walk_in', weekdays: WEEKDAYS, startTime: '09:00', endTime: '12:00', slotMinutes: 60, capacity: 3 },
    { channel: 'walk_in', weekdays: WEEKDAYS, startTime: '13:30', endTime: '17:30', slotMinutes: 60, capacity: 3 },
  ],
  township: [{ channel: 'walk_in', weekdays: WEEKDAYS, startTime: '09:00', endTime: '12:00', slotMinutes: 60, capacity: 2 }],
  village: [{ channel: 'walk_in', weekdays: [2, 4], startTime: '09:00', endTime: '11:30', slotMinutes: 30, capacity: 1 }],
  citywide: [
    { channel: 'online', weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '19:00', endTime: '21:00', slotMinutes: 30, capacity: 5 },
    { channel: 'hotline_callback', weekdays: WEEKDAYS, startTime: '09:00', endTime: '10:00', slotMinutes: 60, capacity: 4 },
    { channel: 'hotline_callback', weekdays: WEEKDAYS, startTime: '14:00', endTime: '15:00', slotMinutes: 60, capacity: 4 },
    { channel: 'hotline_callback', weekdays: WEEKDAYS, startTime: '16:00', endTime: '17:00', slotMinutes: 60, capacity: 4 },
  ],
}

export function demoSchedules(points: Array<{ id: string, level: 'city' | 'county' | 'township' | 'village' }>) {
  const rows = points.flatMap(p => DEMO_RULES[p.level].map(r => ({ ...r, servicePointId: p.id, isDemo: true })))
  return [...rows, ...DEMO_RULES.citywide.map(r => ({ ...r, servicePointId: null, isDemo: true }))]
}

export const seedAppointments: SeedStep = {
  name: 'booking-schedules',
  demo: true,
  async run(ctx, log) {
    const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(bookingSchedules) as [{ n: number }]
    if (n > 0) return
    const points = await ctx.db.select({ id: servicePoints.id, level: servicePoints.level }).from(servicePoints)
    const rows = demoSchedules(points)
    await ctx.db.insert(bookingSchedules).values(rows)
    log(`appointments: ${rows.length} demo schedule rules (示例); slots are computed from them`)
  },
}
