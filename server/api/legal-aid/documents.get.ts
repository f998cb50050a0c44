import { documentsViewQuery } from '#shared/schemas/documents'
import type { DocumentsFormView } from '#shared/types/documents'
import { viewDocumentsForm } from '~~/server/domain/documents/service'
import type { DocumentsState } from '~~/server/domain/forms/documents'

// The applicant's own uploaded documents for the page they are on (the application this browser
// sent, or the one its status look-up opened), with the last plain upload's result. Never cached.
export default defineApiHandler(async (event): Promise<DocumentsFormView> => {
  const { from } = await getValidatedQuery(event, documentsViewQuery.parse)
  const app = await useApp()
  const state = await readFormState<DocumentsState & Record<string, unknown>>(event)
  setHeader(event, 'cache-control', 'no-store')
  return viewDocumentsForm(documentsDeps(event, app), { state, from })
})
