// Publication states of a case in the library.
export const CASE_STATUSES_LIST = ['draft', 'published', 'unpublished'] as const
export type CaseStatusValue = typeof CASE_STATUSES_LIST[number]

export const CASE_STATUS_LABELS: Record<CaseStatusValue, string> = {
  draft: '草稿',
  published: '已发布',
  unpublished: '已撤下',
}
