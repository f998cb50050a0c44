// Demo callback windows for the 12348 hotline: the next 7 working days, three one-hour windows a
// day (Asia/Shanghai), 4 places each. Idempotent (unique start time).
import { insertWindowsIfAbsent } from '../repositories/hotline'
import { atShanghai, shanghaiDay, workingDaysFrom } from '../../shared/time/calendar'
import type { SeedStep } from './registry'

export const DEMO_WINDOW_TIMES: Array<[start: string, end: string]> = [['09:00', '10:00'], ['14:00', '15:00'], ['16:00', '17:00']]
export const DEMO_WINDOW_CAPACITY = 4

export function demoCallbackWindows(now: Date) {
  return workingDaysFrom(shanghaiDay(now), 7).flatMap(day => DEMO_WINDOW_TIMES.map(([s, e]) => ({
    startsAt: atShanghai(day, s),
    endsAt: atShanghai(day, e),
    capacity: DEMO_WINDOW_CAPACITY,
    isDemo: true,
  }))).filter(w => w.startsAt.getTime() > now.getTime())
}

export const seedHotline: SeedStep = {
  name: 'hotline-callback-windows',
  demo: true,
  async run(ctx, log) {
    const added = await insertWindowsIfAbsent(ctx.db, demoCallbackWindows(new Date()))
    if (added) log(`hotline: ${added} demo callback windows`)
  },
}
