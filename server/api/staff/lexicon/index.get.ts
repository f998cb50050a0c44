import type { LexiconEntryDto } from '#shared/types/cases'
import { lexiconListQuery } from '#shared/schemas/case-editor'
import { toLexiconEntryDto } from '../../../domain/cases/dto'
import { listLexicon } from '../../../repositories/lexicon'

export default defineApiHandler(async (event): Promise<LexiconEntryDto[]> => {
  const { db } = await editorDeps(event, ['editor', 'admin'])
  const { status } = await getValidatedQuery(event, lexiconListQuery.parse)
  return (await listLexicon(db, status)).map(toLexiconEntryDto)
})
