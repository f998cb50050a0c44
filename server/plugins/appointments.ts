// Bookings: constraint names the API reports as clear conflicts, and the notification worker
// (texts to residents, day-before reminders, waitlist offers and their expiry) on every instance.
import {
  loggingSender, queueReminders, releaseExpiredHolds, sendDueNotifications, sweepWaitlists, webhookSender,
} from '../domain/appointments/service'

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
    const sender = url ? webhookSender(url) : loggingSender()
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
        await sendDueNotifications(deps, sender)
        lastError = ''
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e)
        if (msg !== lastError) console.error(`notifications: ${msg.replace(/\d{7,}/g, '…')}`)
        lastError = msg
      } finally {
        tick++
        running = false
      }
    }, Math.max(1000, app.config.worker.intervalMs))
    timer.unref?.()
  }).catch(() => {})
  nitroApp.hooks.hook('close', () => { if (timer) clearInterval(timer) })
})
