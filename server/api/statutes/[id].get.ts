import type { StatuteDetailDto } from '../../../shared/types/cases'
import { statuteIdParams } from '../../../shared/schemas/search'
import { toCaseSummaryDto, toStatuteDto } from '../../domain/cases/dto'
import { DomainError } from '../../domain/errors'
import { publishedCasesCiting } from '../../repositories/cases'
import { getStatute, neighbourArticles } from '../../repositories/statutes'

/** One article in its law and chapter, its neighbours (±2) and the published cases citing it. */
export default defineApiHandler(async (event): Promise<StatuteDetailDto> => {
  const { id } = await getValidatedRouterParams(event, statuteIdParams.parse)
  const app = await useApp()
  const s = await getStatute(app.db, id)
  if (!s) throw new DomainError('STATUTE_NOT_FOUND', 'not_found', '没有找到这条法条')
  const [neighbours, citedBy] = await Promise.all([
    s.articleNo === null ? Promise.resolve([s]) : neighbourArticles(app.db, s.lawId, s.articleNo, 2),
    publishedCasesCiting(app.db, s.id),
  ])
  return { statute: toStatuteDto(s), neighbours: neighbours.map(toStatuteDto), citedBy: citedBy.map(toCaseSummaryDto) }
})
