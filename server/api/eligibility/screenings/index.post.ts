import { screeningInput } from '#shared/schemas/eligibility'
import type { ScreeningResultDto } from '#shared/types/eligibility'
import { screenEligibility } from '~~/server/domain/eligibility/service'

// Anonymous screening. Stores nothing personal: only a per-day count by matter and outcome.
export default defineApiHandler(async (event): Promise<ScreeningResultDto> => {
  const body = await readValidatedBody(event, screeningInput.parse)
  const result = await screenEligibility(screeningDeps(await useApp()), body)
  setHeader(event, 'cache-control', 'no-store')
  return result
})
