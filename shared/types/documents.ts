import type { DocumentKind } from '../domain/applications/documents'

/** A document as its applicant sees it in the list of what was uploaded. */
export interface ApplicantDocumentDto {
  seq: number
  kind: DocumentKind
  /** the cleaned file name (text: never rendered as HTML) */
  name: string
  sizeBytes: number
  mimeType: 'image/jpeg' | 'image/png' | 'application/pdf'
}

/** A document as the reviewer sees it in the list (opening it is a separate, audited read). */
export interface StaffDocumentDto extends ApplicantDocumentDto {
  id: string
  uploadedAt: string
}

/** What the applicant's upload section shows: the list, whether more may be added, the limits left. */
export interface ApplicantDocumentsView {
  documents: ApplicantDocumentDto[]
  /** false once the application is decided or withdrawn */
  open: boolean
  remainingCount: number
  remainingBytes: number
}

/** The page's upload section: the list (when this browser can prove the application) and the last plain upload's result. */
export interface DocumentsFormView extends Partial<ApplicantDocumentsView> {
  /** false: this browser cannot prove the application (send it here, or look it up first) */
  available: boolean
  error?: string
  done?: string
}
