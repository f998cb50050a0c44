// The booking service's refusals (codes, statuses and sentences live in shared/errors/appointments.ts).
import { DomainError } from '../errors'

export const bookingErrors = {
  SLOT_FULL: () => new DomainError('SLOT_FULL'),
  SLOT_NOT_FOUND: () => new DomainError('SLOT_NOT_FOUND'),
  SLOT_CLOSED: () => new DomainError('SLOT_CLOSED'),
  PHONE_ALREADY_BOOKED: () => new DomainError('PHONE_ALREADY_BOOKED'),
  TOO_MANY_BOOKINGS: (reason: 'phone' | 'address') => new DomainError('TOO_MANY_BOOKINGS', { reason }, reason === 'phone'
    ? '这个电话号码已有 3 个未到期的预约，请先办完或取消其中一个；也可拨打 12348 咨询'
    : '同一网络在一小时内预约次数过多，请稍后再试，或拨打 12348 由工作人员为您预约'),
  IDEMPOTENCY_KEY_REUSED: () => new DomainError('IDEMPOTENCY_KEY_REUSED'),
  APPOINTMENT_NOT_FOUND: () => new DomainError('APPOINTMENT_NOT_FOUND'),
  MANAGE_LINK_INVALID: () => new DomainError('MANAGE_LINK_INVALID'),
  APPOINTMENT_NOT_CHANGEABLE: () => new DomainError('APPOINTMENT_NOT_CHANGEABLE'),
  APPOINTMENT_NOT_CANCELLABLE: () => new DomainError('APPOINTMENT_NOT_CANCELLABLE'),
  RESCHEDULE_CHANNEL: () => new DomainError('RESCHEDULE_CHANNEL'),
  SAME_SLOT: () => new DomainError('SAME_SLOT'),
  HOLD_EXPIRED: () => new DomainError('HOLD_EXPIRED'),
  WAITLIST_NOT_NEEDED: () => new DomainError('WAITLIST_NOT_NEEDED'),
  WAITLIST_ALREADY: () => new DomainError('WAITLIST_ALREADY'),
  STATUS_CHANGE_INVALID: () => new DomainError('STATUS_CHANGE_INVALID'),
  RATING_LINK_INVALID: () => new DomainError('RATING_LINK_INVALID'),
  RATING_ALREADY_GIVEN: () => new DomainError('RATING_ALREADY_GIVEN'),
  SCHEDULE_NOT_FOUND: () => new DomainError('SCHEDULE_NOT_FOUND'),
  SCHEDULE_CONFLICT: (existing: string) => new DomainError('SCHEDULE_CONFLICT', undefined, `与已有的每周排班（${existing}）时间重叠，请修改星期、时间或有效期，或直接编辑原有排班`),
  EXTRA_SESSION_CONFLICT: (kind: 'rule' | 'extra') => new DomainError('EXTRA_SESSION_CONFLICT', { with: kind }),
  CLOSURE_EXISTS: () => new DomainError('CLOSURE_EXISTS'),
  SERVICE_POINT_NOT_FOUND: () => new DomainError('SERVICE_POINT_NOT_FOUND'),
} as const
