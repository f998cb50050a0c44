import type { CaseDetailDto } from '#shared/types/cases'
import { caseSlugParams } from '#shared/schemas/search'
import { getPublishedCase } from '~~/server/domain/cases/service'

/** A published case (drafts and unpublished cases are 404 to the public). */
export default defineApiHandler(async (event): Promise<CaseDetailDto> => {
  const { slug } = await getValidatedRouterParams(event, caseSlugParams.parse)
  const app = await useApp()
  return getPublishedCase({ db: app.db }, { slug })
})
