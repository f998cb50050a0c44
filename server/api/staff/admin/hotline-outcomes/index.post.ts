import { outcomeCodeBody } from '#shared/schemas/hotline'
import type { OutcomeCodeDto } from '#shared/types/hotline'
import { saveOutcomeCode } from '~~/server/domain/hotline/service'

// Adds or edits a 处理结果 code (admins); audited as hotline_outcome.create / .update.
export default defineApiHandler(async (event): Promise<OutcomeCodeDto> => {
  const actor = await requireStaff(event, ['admin'])
  const body = await readValidatedBody(event, outcomeCodeBody.parse)
  const app = await useApp()
  return saveOutcomeCode(hotlineDeps(app, requestIpHash(event, app)), body, actor)
})
