import { applicationDocumentParams, openDocumentQuery } from '#shared/schemas/documents'
import { openApplicationDocument } from '~~/server/domain/documents/service'

// One attached document, decrypted for a reviewer: each view is audited. A download by default
// (`inline` only for photos); never cached, never sniffed, and sandboxed if a browser renders it.
export default defineApiHandler(async (event) => {
  const actor = await requireStaff(event, ['reviewer', 'justice_bureau'])
  const input = await getValidatedRouterParams(event, applicationDocumentParams.parse)
  const { disposition } = await getValidatedQuery(event, openDocumentQuery.parse)
  const app = await useApp()
  const doc = await openApplicationDocument(documentsDeps(event, app), { applicationId: input.id, documentId: input.documentId }, actor)
  const inline = disposition === 'inline' && doc.mimeType !== 'application/pdf'
  setResponseHeaders(event, {
    'content-type': doc.mimeType,
    'content-length': doc.bytes.length,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${doc.fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  })
  return doc.bytes
})
