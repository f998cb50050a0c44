import type { LexiconEntryDto } from '#shared/types/cases'
import { createLexiconBody } from '#shared/schemas/case-editor'
import { toLexiconEntryDto } from '../../../domain/cases/dto'
import { proposeLexiconEntry } from '../../../services/lexicon-review'

/** A proposed entry is a draft: search ignores it until approved. */
export default defineApiHandler(async (event): Promise<LexiconEntryDto> => {
  const deps = await editorDeps(event, ['editor', 'admin'])
  const body = await readValidatedBody(event, createLexiconBody.parse)
  const row = await proposeLexiconEntry(deps, body)
  setResponseStatus(event, 201)
  return toLexiconEntryDto(row)
})
