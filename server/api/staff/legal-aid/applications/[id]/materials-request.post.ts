import { applicationIdParams, requestMaterialsBody } from '#shared/schemas/applications'
import type { ApplicationDetailDto } from '#shared/types/applications'
import { requestMaterials } from '~~/server/domain/legal-aid/service'

// 一次性告知补充材料 (法律援助法第四十三条第二款): once per application; a second request is 409.
export default defineApiHandler(async (event): Promise<ApplicationDetailDto> => {
  const actor = await requireStaff(event, ['reviewer'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const body = await readValidatedBody(event, requestMaterialsBody.parse)
  const app = await useApp()
  return requestMaterials(legalAidDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
})
