import { manageTokenParams } from '#shared/schemas/appointments'
import { bookingCalendar } from '~~/server/domain/appointments/service'

// The booking as an iCalendar file (made with the `ics` library), for the phone's calendar.
export default defineApiHandler(async (event): Promise<string> => {
  const { token } = await getValidatedRouterParams(event, manageTokenParams.parse)
  const app = await useApp()
  const { filename, body } = await bookingCalendar(appointmentDeps(app), token)
  setHeader(event, 'content-type', 'text/calendar; charset=utf-8')
  setHeader(event, 'content-disposition', `attachment; filename="${filename}"`)
  setHeader(event, 'cache-control', 'no-store')
  setHeader(event, 'referrer-policy', 'no-referrer')
  return body
})
