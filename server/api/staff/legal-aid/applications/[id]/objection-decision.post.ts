import { applicationIdParams, objectionDecisionBody } from '../../../../../../shared/schemas/applications'
import type { ApplicationDetailDto } from '../../../../../../shared/types/applications'
import { decideObjection } from '../../../../../domain/legal-aid/service'

// Decision on an objection (第四十九条): maintain the refusal, or order correction (then granted).
export default defineApiHandler(async (event): Promise<ApplicationDetailDto> => {
  const actor = await requireStaff(event, ['reviewer'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const body = await readValidatedBody(event, objectionDecisionBody.parse)
  const app = await useApp()
  return decideObjection(legalAidDeps(app), actor, id, body, requestIpHash(event, app))
})
