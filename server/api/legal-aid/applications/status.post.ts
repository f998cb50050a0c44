import { statusLookupBody } from '#shared/schemas/applications'
import type { ApplicationStatusDto } from '#shared/types/applications'
import { applicationStatus } from '../../../domain/legal-aid/service'

// POST (not GET): the phone number never appears in a URL or an access log.
export default defineApiHandler(async (event): Promise<ApplicationStatusDto> => {
  const body = await readValidatedBody(event, statusLookupBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return applicationStatus(legalAidDeps(app, requestIpHash(event, app)), body)
})
