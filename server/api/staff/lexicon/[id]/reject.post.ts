import type { LexiconEntryDto } from '#shared/types/cases'
import { lexiconIdParams } from '#shared/schemas/case-editor'
import { toLexiconEntryDto } from '~~/server/domain/cases/dto'
import { reviewLexicon } from '~~/server/services/lexicon-review'

export default defineApiHandler(async (event): Promise<LexiconEntryDto> => {
  const deps = await editorDeps(event, ['editor', 'admin'])
  const { id } = await getValidatedRouterParams(event, lexiconIdParams.parse)
  const row = await reviewLexicon(deps, id, 'rejected')
  invalidateSearchLexicon()
  return toLexiconEntryDto(row)
})
