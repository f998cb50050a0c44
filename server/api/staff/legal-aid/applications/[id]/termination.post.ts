import { applicationIdParams, terminateBody } from '#shared/schemas/applications'
import type { ApplicationDetailDto } from '#shared/types/applications'
import { terminateAid } from '~~/server/domain/legal-aid/service'

// Termination (第四十八条): a statutory ground and written reasons; the applicant may object (第四十九条).
export default defineApiHandler(async (event): Promise<ApplicationDetailDto> => {
  const actor = await requireStaff(event, ['reviewer'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const body = await readValidatedBody(event, terminateBody.parse)
  const app = await useApp()
  return terminateAid(legalAidDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
