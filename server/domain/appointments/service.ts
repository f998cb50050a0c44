/**
 * The booking service (issue 9): one entry point for routes, the hotline console and the worker.
 * Each function takes its dependencies first: verbNoun(deps, input, actor?).
 */
export { type AppointmentDeps, type PublicAppointmentDeps, type BookInput, type BookingLimits, DEFAULT_LIMITS, bookAppointment, bookInTransaction, manageTokenOf as manageTokenOfForTests } from './booking'
export { listSlots, listSlotDays, slotAlternatives, materialiseSlots, reconcileSlots } from './slots'
export {
  viewBooking, rescheduleBooking, cancelBooking, cancelById, confirmHeldPlace, releaseExpiredHolds, bookingCalendar,
  lookupAppointment, cancelByProof, offerWaitingPlaces,
} from './manage'
export { joinWaitlist, sweepWaitlists } from './waitlist'
export { staffDayList, staffDayView, recordOutcome, recordOutcomeInTransaction, revealAppointmentContact, viewRating, rateAppointment, satisfactionFigures } from './staff'
export { listServicePoints } from './points'
export { listSchedules, saveScheduleRule, deleteScheduleRule, addClosure, removeClosure, addExtraSession, removeExtraSession, channelsByPoint } from './schedule-admin'
export { sendDueNotifications, queueReminders, loggingSender, webhookSender, type NotificationSender, type OutgoingText } from './notifications'
export { listServicePointsForStaff, updateServicePoint } from './points'
export { bookCallbackInTransaction, listCallbackSlots, revealCallbackPhone } from './callbacks'
