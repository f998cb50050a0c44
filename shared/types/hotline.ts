// Hotline DTOs: phones are masked; the full number only comes from the audited reveal.
import type { CallLinkKind, HotlineOutcomeCode, InterpreterNeed } from '../schemas/hotline'
import type { ScreeningInput, ScreeningInputRaw } from '../schemas/eligibility'
import type { ScreeningOutcome, ScreeningResultDto } from './eligibility'
import type { ApplicationCreatedDto } from './applications'

/** The call's callback: an appointment of channel hotline_callback (预约编号 `reference`). */
export interface CallbackSummaryDto {
  id: string
  reference: string
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
  outcomeLabel: string
  callerPhoneMasked: string | null
  callerGroups: string[]
  operatorName: string
  mine: boolean
  callback: CallbackSummaryDto | null
  urgent: boolean
  safeToCallBack: boolean
  discreet: boolean
  interpreter: InterpreterNeed
  elderlyOrDisabled: boolean
  toldOfLegalAidRight: boolean
  version: number
}

export interface CallLinkDto { kind: CallLinkKind, reference: string, createdAt: string }

export interface HotlineCallDto extends HotlineCallItemDto {
  summary: string
  servicePoint: { id: string, name: string } | null
  links: CallLinkDto[]
}

export interface OutcomeCodeDto {
  code: string
  label: string
  needsFollowUp: boolean
  closesCall: boolean
  active: boolean
  system: boolean
  position: number
}

/** Caller history: masked, and records of 家庭暴力 matters only for the staff handling them. */
export interface CallerHistoryDto {
  calls: Array<{ id: string, reference: string, startedAt: string, topic: string, outcomeLabel: string, callerPhoneMasked: string | null, operatorName: string, mine: boolean, urgent: boolean, safeToCallBack: boolean, discreet: boolean, callbackStatus: string | null }>
  appointments: Array<{ reference: string, channel: string, startsAt: string, status: string, topic: string, nameMasked: string, phoneMasked: string }>
  applications: Array<{ reference: string, status: string, receivedDate: string, nameMasked: string }>
  /** Records of 家庭暴力 matters that exist but are shown only to the staff handling them. */
  withheld: number
}

export interface HotlineCallPageDto {
  items: HotlineCallItemDto[]
  page: number
  pageSize: number
  total: number
}

/** A callback window: a slot of channel hotline_callback. */
export interface CallbackWindowDto {
  id: string
  startsAt: string
  endsAt: string
  capacity: number
  free: number
}

/** One callback of the queue: booked by an operator during a call, or by the resident on the site (no call). */
export interface CallbackQueueItemDto {
  id: string
  /** 预约编号 of the callback (the booking model's reference). */
  reference: string
  callId: string | null
  callReference: string | null
  topic: string
  windowStartsAt: string
  windowEndsAt: string
  slotNo: number
  status: 'booked' | 'done' | 'missed' | 'cancelled'
  phoneMasked: string
  /** closed | upcoming | due | due_soon | overdue (by the window and the clock; the queue colours by it). */
  sla: 'closed' | 'upcoming' | 'due' | 'due_soon' | 'overdue'
  attempts: Array<{ attemptNo: number, result: string, at: string }>
  assignee: { id: string, name: string } | null
  /** Assigned to me, or taken by me and not reassigned. */
  mine: boolean
  safeToCallBack: boolean
  discreet: boolean
  interpreter: InterpreterNeed
  urgent: boolean
}

export interface CallbackRevealDto { phone: string }

// ---- from the call: screening and application on the caller's behalf ----

/** A screening run during the call: its reference (linked on the call), answers and result. */
export interface CallScreeningDto {
  reference: string
  createdAt: string
  outcome: ScreeningOutcome
  ruleVersion: string
  /** The answers as recorded (the application started from the call carries them over). */
  answers: ScreeningInput
}

export interface ScreenForCallDto {
  call: HotlineCallDto
  screening: CallScreeningDto
  /** The engine's full answer (explanation, articles, documents to bring). */
  result: ScreeningResultDto
}

/**
 * What the console prefills the screening and the application with, from the call: the screening
 * input the call already answers (topic → matter, ticked groups → statuses), or the answers of the
 * call's latest screening, and the call's summary as the account of the matter.
 */
export interface CallCarryOverDto {
  callId: string
  callReference: string
  callerPhoneMasked: string | null
  screeningPrefill: ScreeningInputRaw
  screening: CallScreeningDto | null
  matterSummary: string
  /** The screening answers carry sensitive facts: the caller's separate consent is asked (个人信息保护法第二十九条). */
  sensitiveKinds: string[]
}

export interface ApplyForCallDto {
  call: HotlineCallDto
  application: ApplicationCreatedDto
}
