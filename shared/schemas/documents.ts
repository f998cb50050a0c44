import { z } from 'zod'
import { DOCUMENT_KINDS } from '../domain/applications/documents'

export const documentKind = z.enum(DOCUMENT_KINDS, '请选择材料的类别')

/** /api/staff/legal-aid/applications/:id/documents/:documentId */
export const applicationDocumentParams = z.object({
  id: z.uuid('申请编号格式不正确'),
  documentId: z.uuid('材料编号格式不正确'),
})

/** ?disposition=inline shows a photo in the browser; PDFs and the default are downloads. */
export const openDocumentQuery = z.object({ disposition: z.enum(['attachment', 'inline']).default('attachment') })

/** /api/legal-aid/documents?from=apply|status */
export const documentsViewQuery = z.object({ from: z.enum(['apply', 'status']).default('apply') })
