import { supplyMaterialsBody } from '#shared/schemas/applications'
import type { ApplicationStatusDto } from '#shared/types/applications'
import { supplyMaterials } from '../../../domain/legal-aid/service'

// The applicant says the requested materials are supplied (brought to the window or sent).
export default defineApiHandler(async (event): Promise<ApplicationStatusDto> => {
  const body = await readValidatedBody(event, supplyMaterialsBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return supplyMaterials(legalAidDeps(app, requestIpHash(event, app)), body)
})
