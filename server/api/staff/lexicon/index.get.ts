import type { LexiconEntryDto } from '#shared/types/cases'
import { lexiconListQuery } from '#shared/schemas/case-editor'
import { listLexiconEntries } from '~~/server/domain/lexicon/service'

export default defineApiHandler(async (event): Promise<LexiconEntryDto[]> => {
  await requireStaff(event, ['editor', 'admin'])
  const q = await getValidatedQuery(event, lexiconListQuery.parse)
  return listLexiconEntries(await lexiconDeps(event), q)
})
