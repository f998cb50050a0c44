import { listSlotsQuery } from '#shared/schemas/appointments'
import type { SlotDayDto } from '#shared/types/appointments'
import { listSlotDays } from '~~/server/domain/appointments/service'

// Public: the days with a schedule in the range (default the next six weeks), each with its places
// and free places; a day with none free is full (the booking page offers alternatives and the waitlist).
export default defineApiHandler(async (event): Promise<SlotDayDto[]> => {
  const q = await getValidatedQuery(event, listSlotsQuery.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return listSlotDays(appointmentDeps(app), q)
})
