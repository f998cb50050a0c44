import { applicationIdParams, provisionalBody } from '#shared/schemas/applications'
import type { ApplicationDetailDto } from '#shared/types/applications'
import { startProvisionalAid } from '~~/server/domain/legal-aid/service'

// Aid before the decision (第四十四条): the ground and the lawyer who starts now; the decision follows.
export default defineApiHandler(async (event): Promise<ApplicationDetailDto> => {
  const actor = await requireStaff(event, ['reviewer'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const body = await readValidatedBody(event, provisionalBody.parse)
  const app = await useApp()
  return startProvisionalAid(legalAidDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
