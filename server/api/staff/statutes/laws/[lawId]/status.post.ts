import type { LawStatusDto } from '#shared/types/statutes'
import { lawIdParams, markLawStatusBody } from '#shared/schemas/statutes'
import { markLawStatus } from '~~/server/domain/statutes/service'

/** Marks a law repealed or superseded (date, note, successor); audited, through the search outbox. */
export default defineApiHandler(async (event): Promise<LawStatusDto> => {
  const actor = await requireStaff(event, ['editor'])
  const { lawId } = await getValidatedRouterParams(event, lawIdParams.parse)
  const body = await readValidatedBody(event, markLawStatusBody.parse)
  return markLawStatus(await statuteDeps(event), { ...body, lawId }, actor)
})
