import { objectionBody } from '#shared/schemas/applications'
import type { ApplicationStatusDto } from '#shared/types/applications'
import { fileObjection } from '../../../domain/legal-aid/service'

// 法律援助法第四十九条: objection to a refusal, decided within 5 days.
export default defineApiHandler(async (event): Promise<ApplicationStatusDto> => {
  const body = await readValidatedBody(event, objectionBody.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return fileObjection(legalAidDeps(app, requestIpHash(event, app)), body)
})
