// Appointment DTOs: slots carry no personal data; public answers carry no phone; staff lists are masked.
import type { AppointmentChannelCode } from '../schemas/appointments'

export type AppointmentStatusCode = 'booked' | 'cancelled' | 'attended' | 'no_show'

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

/** What the person sees after booking, looking up or cancelling (no phone, no note). */
export interface AppointmentDto {
  reference: string
  status: AppointmentStatusCode
  channel: AppointmentChannelCode
  startsAt: string
  endsAt: string
  topic: string
  servicePoint: AppointmentPlaceDto | null
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
}
