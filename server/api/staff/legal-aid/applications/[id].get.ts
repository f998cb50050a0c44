import { applicationIdParams } from '#shared/schemas/applications'
import type { ApplicationDetailDto } from '#shared/types/applications'
import { openApplication } from '~~/server/domain/legal-aid/service'

// Opening an application is an audited read (application.read); ID number and phone stay masked.
export default defineApiHandler(async (event): Promise<ApplicationDetailDto> => {
  const actor = await requireStaff(event, ['reviewer', 'justice_bureau'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const app = await useApp()
  return openApplication(legalAidDeps(app, requestIpHash(event, app)), { id }, actor)
})
