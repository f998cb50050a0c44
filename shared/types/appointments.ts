// Booking DTOs: slots carry no personal data; public answers carry no phone; staff lists are masked.
import type { AppointmentChannelCode, AppointmentStatusCode } from '../schemas/appointments'

export type { AppointmentStatusCode }

export interface AppointmentSlotDto {
  id: string
  channel: AppointmentChannelCode
  servicePointId: string | null
  startsAt: string
  endsAt: string
  capacity: number
  free: number
}

export interface AppointmentPlaceDto {
  id: string
  name: string
  address: string
  phone: string
  openingHours: Record<string, string>
}

/** What the person sees after booking, looking up or managing (no phone, no note). */
export interface AppointmentDto {
  reference: string
  status: AppointmentStatusCode
  channel: AppointmentChannelCode
  startsAt: string
  endsAt: string
  topic: string
  servicePoint: AppointmentPlaceDto | null
  /** The private manage link (path; absolute when a site URL is configured). */
  manageUrl: string
  /** A waitlist place held until this moment (status `held`). */
  heldUntil: string | null
  /** Can still be rescheduled or cancelled online (booked and not begun). */
  changeable: boolean
}

/** One day of a channel's (and point's) schedule: all its places and the free ones (0 free = full). */
export interface SlotDayDto {
  /** YYYY-MM-DD, Asia/Shanghai */
  day: string
  capacity: number
  free: number
  /** Times of the day with a free place. */
  freeSlots: number
}

/** A full day is not a dead end: the next free slots, and the other channels with free slots. */
export interface SlotAlternativesDto {
  next: AppointmentSlotDto[]
  otherChannels: Array<{ channel: AppointmentChannelCode, next: AppointmentSlotDto | null }>
}

export interface StaffAppointmentItemDto {
  id: string
  reference: string
  channel: AppointmentChannelCode
  startsAt: string
  endsAt: string
  slotNo: number
  servicePointName: string | null
  nameMasked: string
  phoneMasked: string
  topic: string
  status: AppointmentStatusCode
  bookedByStaff: boolean
}

/** A staff reveal of one booking's contact details (audited with its purpose). */
export interface StaffRevealDto { id: string, name: string | null, phone: string }

export interface StaffDaySlotDto extends AppointmentSlotDto {
  withdrawn: boolean
  appointments: StaffAppointmentItemDto[]
}

export interface StaffDayViewDto {
  day: string
  channel: AppointmentChannelCode
  servicePointId: string | null
  holiday: string | null
  slots: StaffDaySlotDto[]
}

export interface WaitlistEntryDto { day: string, channel: AppointmentChannelCode, position: number }

export interface RatingViewDto { reference: string, channel: AppointmentChannelCode, startsAt: string, rated: boolean }

export interface SatisfactionDto { responses: number, satisfied: number, satisfiedRate: number | null }

export interface ScheduleRuleDto {
  id: string, servicePointId: string | null, channel: AppointmentChannelCode, weekdays: number[],
  startTime: string, endTime: string, slotMinutes: number, capacity: number, validFrom: string | null, validTo: string | null, isDemo: boolean
}
export interface ClosureDto { id: string, servicePointId: string | null, channel: AppointmentChannelCode | null, day: string, reason: string }
export interface ExtraSessionDto {
  id: string, servicePointId: string | null, channel: AppointmentChannelCode, day: string,
  startTime: string, endTime: string, slotMinutes: number, capacity: number, note: string | null
}
export interface SchedulesDto {
  rules: ScheduleRuleDto[]
  closures: ClosureDto[]
  extras: ExtraSessionDto[]
  /** Years the booking horizon reaches that the holiday calendar does not cover yet. */
  uncoveredYears: number[]
}

/** The booking form as the resident last sent it (a form posted without JavaScript that came back). */
export interface AppointmentDraftDto { slotId: string, name: string, phone: string, topic: string, note: string }
