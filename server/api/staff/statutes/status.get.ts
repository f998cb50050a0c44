import type { LawStatusDto } from '#shared/types/statutes'
import { listLawStatusRecords } from '../../../domain/statutes/service'

/** Every law an editor (or the seed) marked repealed or superseded. */
export default defineApiHandler(async (event): Promise<{ items: LawStatusDto[] }> => {
  const deps = await editorDeps(event, ['editor', 'admin'])
  return { items: await listLawStatusRecords(deps) }
})
