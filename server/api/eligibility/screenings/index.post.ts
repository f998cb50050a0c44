import { screen } from '#shared/domain/eligibility'
import { screeningInput } from '#shared/schemas/eligibility'
import type { ScreeningResultDto } from '#shared/types/eligibility'
import { shanghaiDay } from '#shared/time/calendar'
import { bumpScreeningCounter } from '../../../repositories/eligibility'

// Anonymous screening. Stores nothing personal: only a per-day count by matter and outcome.
export default defineApiHandler(async (event): Promise<ScreeningResultDto> => {
  const body = await readValidatedBody(event, screeningInput.parse)
  const app = await useApp()
  const now = new Date()
  const result = screen(body, await eligibilityConfigSource(app).get(now))
  await bumpScreeningCounter(app.db, shanghaiDay(now), body.matter ?? 'unknown', result.outcome)
  setHeader(event, 'cache-control', 'no-store')
  return result
})
