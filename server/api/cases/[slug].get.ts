import type { CaseDetailDto } from '../../../shared/types/cases'
import { caseSlugParams } from '../../../shared/schemas/search'
import { toCaseDetailDto } from '../../domain/cases/dto'
import { DomainError } from '../../domain/errors'
import { citedStatutes, getCaseBySlug, relatedPublishedCases } from '../../repositories/cases'

/** A published case (drafts and unpublished cases are 404 to the public). */
export default defineApiHandler(async (event): Promise<CaseDetailDto> => {
  const { slug } = await getValidatedRouterParams(event, caseSlugParams.parse)
  const app = await useApp()
  const c = await getCaseBySlug(app.db, slug)
  if (!c || c.status !== 'published') throw new DomainError('CASE_NOT_FOUND')
  const [statutes, related] = await Promise.all([citedStatutes(app.db, c.id), relatedPublishedCases(app.db, c.category, c.id)])
  return toCaseDetailDto(c, statutes, related)
})
