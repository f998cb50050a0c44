import type { LawStatusDto } from '#shared/types/statutes'
import { listLawStatusRecords } from '~~/server/domain/statutes/service'

/** Every law an editor (or the seed) marked repealed or superseded. */
export default defineApiHandler(async (event): Promise<{ items: LawStatusDto[] }> => {
  await requireStaff(event, ['editor', 'admin'])
  return { items: await listLawStatusRecords(await statuteDeps(event)) }
})
