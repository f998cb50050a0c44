// Documents an applicant can attach to a legal-aid application: the kinds and the limits, shared by
// the page (what it says) and the server (what it checks, server/domain/documents/files.ts).

export const MAX_FILE_BYTES = 5 * 1024 * 1024
export const MAX_DOCUMENTS = 10
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024

export const DOCUMENT_KINDS = ['identity', 'hardship', 'case', 'other'] as const
export type DocumentKind = typeof DOCUMENT_KINDS[number]

/** 法律援助法第四十一条: 身份证明、经济困难状况的证明或说明（承诺）、与所申请事项有关的材料. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  identity: '身份证明（身份证、户口簿等）',
  hardship: '经济困难状况的说明或证明',
  case: '与申请事项有关的材料（合同、欠条、病历、判决书等）',
  other: '其他材料',
}

export const DOCUMENT_KIND_SHORT: Record<DocumentKind, string> = {
  identity: '身份证明',
  hardship: '经济困难说明',
  case: '案件材料',
  other: '其他材料',
}

/** "1.2 MB" / "350 KB" for people. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`
}
