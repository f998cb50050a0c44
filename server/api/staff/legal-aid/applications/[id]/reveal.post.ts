import { applicationIdParams, revealBody } from '#shared/schemas/applications'
import type { RevealDto } from '#shared/types/applications'
import { revealField } from '~~/server/domain/legal-aid/service'

// Showing a full ID number or phone is its own audited action, with the purpose stated.
export default defineApiHandler(async (event): Promise<RevealDto> => {
  const actor = await requireStaff(event, ['reviewer'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const body = await readValidatedBody(event, revealBody.parse)
  const app = await useApp()
  return revealField(legalAidDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
