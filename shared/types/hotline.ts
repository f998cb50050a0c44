// Hotline DTOs: phones are masked; the full number only comes from the audited reveal.
import type { HotlineOutcomeCode } from '../schemas/hotline'

export interface CallbackSummaryDto {
  id: string
  windowStartsAt: string
  windowEndsAt: string
  slotNo: number
  status: 'booked' | 'done' | 'missed' | 'cancelled'
}

export interface HotlineCallItemDto {
  id: string
  reference: string
  startedAt: string
  topic: string
  outcome: HotlineOutcomeCode
  callerPhoneMasked: string | null
  callerGroups: string[]
  operatorName: string
  mine: boolean
  callback: CallbackSummaryDto | null
}

export interface HotlineCallDto extends HotlineCallItemDto {
  summary: string
  servicePoint: { id: string, name: string } | null
}

export interface HotlineCallPageDto {
  items: HotlineCallItemDto[]
  page: number
  pageSize: number
  total: number
}

export interface CallbackWindowDto {
  id: string
  startsAt: string
  endsAt: string
  capacity: number
  free: number
}

export interface CallbackQueueItemDto {
  id: string
  callId: string
  callReference: string
  topic: string
  windowStartsAt: string
  windowEndsAt: string
  slotNo: number
  status: 'booked' | 'done' | 'missed' | 'cancelled'
  phoneMasked: string
}

export interface CallbackRevealDto { phone: string }
