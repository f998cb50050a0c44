import { callerLookupBody } from '#shared/schemas/hotline'
import type { CallerHistoryDto } from '#shared/types/hotline'
import { lookupCaller } from '~~/server/domain/hotline/service'

// A caller's calls, appointments and applications by phone, masked; audited as caller.lookup with the purpose.
export default defineApiHandler(async (event): Promise<CallerHistoryDto> => {
  const actor = await requireStaff(event, ['operator'])
  const body = await readValidatedBody(event, callerLookupBody.parse)
  const app = await useApp()
  return lookupCaller(hotlineDeps(app, requestIpHash(event, app)), body, actor)
})
