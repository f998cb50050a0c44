import { applyBody } from '#shared/schemas/applications'
import type { ApplicationCreatedDto } from '#shared/types/applications'
import { submitApplication } from '../../../domain/legal-aid/service'

export default defineApiHandler(async (event): Promise<ApplicationCreatedDto> => {
  const body = await readValidatedBody(event, applyBody.parse)
  const app = await useApp()
  const created = await submitApplication(legalAidDeps(app, requestIpHash(event, app)), body)
  setHeader(event, 'cache-control', 'no-store')
  setResponseStatus(event, 201)
  return created
})
