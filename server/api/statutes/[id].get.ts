import type { StatuteDetailDto } from '../../../shared/types/cases'
import { statuteIdParams } from '../../../shared/schemas/search'
import { getStatuteDetail } from '../../domain/statutes/service'

/** One article: where it stands (in force, superseded, repealed), its neighbours and the cases citing it. */
export default defineApiHandler(async (event): Promise<StatuteDetailDto> => {
  const { id } = await getValidatedRouterParams(event, statuteIdParams.parse)
  const app = await useApp()
  return getStatuteDetail({ db: app.db }, { id })
})
