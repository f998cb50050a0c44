// Times of appointments, always on the Yinchuan (Asia/Shanghai) clock (shared/time/clock).
import { formatShanghai } from '~~/shared/time/clock'

export const appointmentDay = (at: string) => formatShanghai(at, 'day')
export const appointmentTime = (startsAt: string, endsAt: string) => `${formatShanghai(startsAt, 'time')}–${formatShanghai(endsAt, 'time')}`
