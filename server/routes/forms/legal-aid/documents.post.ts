// An applicant attaches a photo or PDF to their legal-aid application: a plain multipart form
// (no JavaScript: 303 back to the page, which shows the result or the refusal) or the page's own
// fetch (Accept: application/json: 201 with the document, or the refusal as its 4xx with a code).
// Who uploads comes from the encrypted draft cookie, never from the form.
import type { DocumentsState } from '~~/server/domain/forms/documents'
import { documentsFrom } from '~~/server/domain/forms/documents'
import { answerDocumentForm, refuseDocumentForm } from '~~/server/domain/documents/service'

export default defineEventHandler(async (event) => {
  assertSameOriginForm(event)
  const app = await useApp()
  const state = await readFormState<DocumentsState & Record<string, unknown>>(event)
  const from = documentsFrom(getQuery(event).from)
  const upload = await readUpload(event)
  const out = upload.ok
    ? await answerDocumentForm(documentsDeps(event, app), { state, from, kind: upload.fields.kind, bytes: upload.file?.bytes ?? new Uint8Array(), fileName: upload.file?.fileName })
    : refuseDocumentForm({ state, from, code: upload.code })
  if (wantsJson(event)) {
    setHeader(event, 'cache-control', 'no-store')
    if (out.refused) throw toHttpError(out.refused)
    setResponseStatus(event, 201)
    return { location: out.location, document: out.document }
  }
  await writeFormState(event, out.state)
  return formDone(event, out.location)
})
