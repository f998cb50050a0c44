// Times of appointments, always on the Yinchuan (Asia/Shanghai) clock (shared/time/calendar).
import { formatShanghai } from '~~/shared/time/calendar'

export const appointmentDay = (at: string) => formatShanghai(at, 'day')
export const appointmentTime = (startsAt: string, endsAt: string) => `${formatShanghai(startsAt, 'time')}–${formatShanghai(endsAt, 'time')}`
