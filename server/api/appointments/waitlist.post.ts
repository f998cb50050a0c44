import { joinWaitlistBody } from '../../../shared/schemas/appointments'
import type { WaitlistEntryDto } from '../../../shared/types/appointments'
import { joinWaitlist } from '../../domain/appointments/service'

// A full day's waitlist: a freed place is held for the first person waiting, who confirms by text link.
export default defineApiHandler(async (event): Promise<WaitlistEntryDto> => {
  const body = await readValidatedBody(event, joinWaitlistBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  const entry = await joinWaitlist(appointmentDeps(app, requestIpHash(event, app)), body)
  setResponseStatus(event, 201)
  return entry
})
