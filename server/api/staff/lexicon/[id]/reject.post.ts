import type { LexiconEntryDto } from '../../../../../shared/types/cases'
import { lexiconIdParams } from '../../../../../shared/schemas/case-editor'
import { toLexiconEntryDto } from '../../../../domain/cases/dto'
import { reviewLexicon } from '../../../../services/lexicon-review'

export default defineApiHandler(async (event): Promise<LexiconEntryDto> => {
  const deps = await editorDeps(event, ['editor', 'admin'])
  const { id } = await getValidatedRouterParams(event, lexiconIdParams.parse)
  const row = await reviewLexicon(deps, id, 'rejected')
  invalidateSearchLexicon()
  return toLexiconEntryDto(row)
})
