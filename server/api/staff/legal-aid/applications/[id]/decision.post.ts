import { applicationIdParams, decideBody } from '#shared/schemas/applications'
import type { ApplicationDetailDto } from '#shared/types/applications'
import { decideApplication } from '~~/server/domain/legal-aid/service'

// Grant (the 3-day assignment clock starts) or refuse with written reasons (第四十三条). Stale version: 409.
export default defineApiHandler(async (event): Promise<ApplicationDetailDto> => {
  const actor = await requireStaff(event, ['reviewer'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const body = await readValidatedBody(event, decideBody.parse)
  const app = await useApp()
  return decideApplication(legalAidDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
