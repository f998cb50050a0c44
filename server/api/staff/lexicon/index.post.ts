import type { LexiconEntryDto } from '#shared/types/cases'
import { createLexiconBody } from '#shared/schemas/case-editor'
import { proposeLexiconEntry } from '~~/server/domain/lexicon/service'

/** A proposed entry is a draft: search ignores it until approved. */
export default defineApiHandler(async (event): Promise<LexiconEntryDto> => {
  const actor = await requireStaff(event, ['editor', 'admin'])
  const body = await readValidatedBody(event, createLexiconBody.parse)
  const created = await proposeLexiconEntry(await lexiconDeps(event), body, actor)
  setResponseStatus(event, 201)
  return created
})
