import { applicationIdParams, objectionDecisionBody } from '#shared/schemas/applications'
import type { ApplicationDetailDto } from '#shared/types/applications'
import { decideObjection } from '~~/server/domain/legal-aid/service'

// Decision on an objection (第四十九条第二款) by the 司法行政部门: maintain, or order the centre to correct (it decides again).
export default defineApiHandler(async (event): Promise<ApplicationDetailDto> => {
  const actor = await requireStaff(event, ['justice_bureau'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const body = await readValidatedBody(event, objectionDecisionBody.parse)
  const app = await useApp()
  return decideObjection(legalAidDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
