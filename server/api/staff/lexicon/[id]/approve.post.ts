import type { LexiconEntryDto } from '#shared/types/cases'
import { lexiconIdParams } from '#shared/schemas/case-editor'
import { casesIndex } from '~~/server/adapters/search/definitions/cases'
import { statutesIndex } from '~~/server/adapters/search/definitions/statutes'
import { toLexiconEntryDto } from '~~/server/domain/cases/dto'
import { refreshIndexSettings, reviewLexicon } from '~~/server/services/lexicon-review'

/** Approving changes the synonyms: the index settings are re-applied after the commit. */
export default defineApiHandler(async (event): Promise<LexiconEntryDto & { settingsApplied: boolean }> => {
  const deps = await editorDeps(event, ['editor', 'admin'])
  const { id } = await getValidatedRouterParams(event, lexiconIdParams.parse)
  const row = await reviewLexicon(deps, id, 'approved')
  invalidateSearchLexicon()
  const app = await useApp()
  const settingsApplied = await refreshIndexSettings(app.db, app.search, [statutesIndex, casesIndex])
  return { ...toLexiconEntryDto(row), settingsApplied }
})
