// Bookings: constraint names the API reports as clear conflicts, and the notification worker
// (texts to residents, day-before reminders, waitlist offers and their expiry) on every instance.
import {
  loggingSender, queueReminders, releaseExpiredHolds, sendDueNotifications, sweepWaitlists, webhookSender,
} from '../domain/appointments/service'
import { logger, safeError } from '../utils/logger'

export default defineNitroPlugin((nitroApp) => {
  registerConstraintCode('appointments_slot_place_key', 'SLOT_FULL')
  registerConstraintCode('appointment_slots_booked_check', 'SLOT_FULL')
  registerConstraintCode('appointments_phone_day_key', 'PHONE_ALREADY_BOOKED')

  let timer: ReturnType<typeof setInterval> | undefined
  let running = false
  let tick = 0
  void useApp().then((app) => {
    if (!app.config.worker.enabled) return
    const deps = appointmentDeps(app)
    const url = app.config.appointments.notifyWebhookUrl
    const sender = url ? webhookSender(url) : loggingSender(m => logger.info(m))
    let lastError = ''
    timer = setInterval(async () => {
      if (running) return
      running = true
      try {
        if (tick % 10 === 0) {
          await releaseExpiredHolds(deps)
          await sweepWaitlists(deps)
        }
        if (tick % 60 === 0) await queueReminders(deps)
        await sendDueNotifications({ ...deps, sender })
        lastError = ''
      } catch (e) {
        // the logger's safeError: never a database message or its parameters (they carry phones)
        const err = safeError(e)
        const key = `${err.type}:${err.code ?? ''}:${err.message ?? ''}`
        if (key !== lastError) logger.error({ err }, 'notifications: run failed')
        lastError = key
      } finally {
        tick++
        running = false
      }
    }, Math.max(1000, app.config.worker.intervalMs))
    timer.unref?.()
  }).catch(() => {})
  nitroApp.hooks.hook('close', () => { if (timer) clearInterval(timer) })
})
