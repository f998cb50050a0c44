import type { LexiconEntryDto } from '#shared/types/cases'
import { lexiconIdParams } from '#shared/schemas/case-editor'
import { approveLexiconEntry } from '~~/server/domain/lexicon/service'

/** Approving changes the synonyms: the index settings are re-applied after the commit. */
export default defineApiHandler(async (event): Promise<LexiconEntryDto & { settingsApplied: boolean }> => {
  const actor = await requireStaff(event, ['editor', 'admin'])
  const { id } = await getValidatedRouterParams(event, lexiconIdParams.parse)
  return approveLexiconEntry(await lexiconDeps(event), { id }, actor)
})
