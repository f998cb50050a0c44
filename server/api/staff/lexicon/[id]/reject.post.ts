import type { LexiconEntryDto } from '#shared/types/cases'
import { lexiconIdParams } from '#shared/schemas/case-editor'
import { rejectLexiconEntry } from '~~/server/domain/lexicon/service'

export default defineApiHandler(async (event): Promise<LexiconEntryDto> => {
  const actor = await requireStaff(event, ['editor', 'admin'])
  const { id } = await getValidatedRouterParams(event, lexiconIdParams.parse)
  return rejectLexiconEntry(await lexiconDeps(event), { id }, actor)
})
