import { manageTokenParams, rescheduleBody } from '#shared/schemas/appointments'
import { rescheduleBooking } from '~~/server/domain/appointments/service'

// Reschedule without JavaScript (atomic: the new place is taken before the old one is freed).
export default defineEventHandler(async (event) => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const f = await readFormFields(event)
  try {
    const body = rescheduleBody.parse({ slotId: field(f, 'slotId') ?? '' })
    const app = await useApp()
    await rescheduleBooking(appointmentDeps(app), { ...body, token })
    return formDone(event, `/appointments/manage/${token}?rescheduled=1`)
  } catch (e) {
    return formDone(event, `/appointments/manage/${token}?${new URLSearchParams({ step: 'reschedule', ...formErrorQuery(e) })}`)
  }
})
