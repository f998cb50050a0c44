import { applicationIdParams, assignBody } from '#shared/schemas/applications'
import type { ApplicationDetailDto } from '#shared/types/applications'
import { assignApplication } from '~~/server/domain/legal-aid/service'

// Records the assigned lawyer and firm within the 3-day clock.
export default defineApiHandler(async (event): Promise<ApplicationDetailDto> => {
  const actor = await requireStaff(event, ['reviewer'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const body = await readValidatedBody(event, assignBody.parse)
  const app = await useApp()
  return assignApplication(legalAidDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
