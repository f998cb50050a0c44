// Response DTOs of the case library (以案释法), the statutes and the library search.

/**
 * A search highlight as plain text and the ranges that matched: `marks` are [start, end) offsets
 * into `text` (UTF-16 code units, ascending, not overlapping). Never HTML: the browser renders it
 * as text nodes (app/components/cases/CasesHighlight.vue, through highlightSegments).
 */
export interface HighlightDto { text: string, marks: Array<[number, number]> }

/** Search only ever answers with articles in force; `versionDate` is the date of the text shown. */
export interface StatuteHitDto { id: string, lawTitle: string, articleLabel: string | null, text: string, highlight: HighlightDto, versionDate: string | null }
export interface CaseHitDto { id: string, slug: string, title: string, category: string, summary: string, highlight: HighlightDto }

export interface SearchFacetsDto { category: Record<string, number>, groups: Record<string, number> }

export interface SearchResultDto {
  /** `more`: more articles match than `total` counts (it stops at 100, or one past the page: "100 条以上"). */
  statutes: { hits: StatuteHitDto[], total: number, more?: boolean }
  cases: { hits: CaseHitDto[], total: number, facets: SearchFacetsDto }
  /** true when the search engine was unreachable and the answer came from the database (may be incomplete). */
  degraded: boolean
  /** true when the statute corpus was still loading after the start-up wait: the articles come from part of the law. */
  loading?: boolean
  /**
   * Set when the question had nothing to search (digits, punctuation), was not Chinese, or matched
   * nothing well enough to be an answer (WEAK_MATCH: the lists are empty): what to do instead.
   */
  notice?: { code: 'NOTHING_TO_SEARCH' | 'NOT_CHINESE' | 'WEAK_MATCH', message: string }
}

export interface StatuteDto {
  id: string
  lawId: string
  lawTitle: string
  lawShortTitle: string | null
  part: string | null
  level: string
  chapterPath: string[]
  articleNo: number | null
  articleLabel: string | null
  text: string
  versionDate: string | null
  isLatest: boolean
  /** False: superseded or repealed. Pages must say so and never present it as current law. */
  inForce: boolean
}

/** Where an article stands: in force, or why not, since when, and the current provision if any. */
export interface StatuteStatusDto {
  kind: 'in_force' | 'repealed' | 'superseded'
  /** Since when it is not in force (YYYY-MM-DD), where known. */
  since: string | null
  /** Plain-language explanation for residents (Chinese). */
  note: string
  /** Who says so: the dataset's flag, or an editorial record (audited). */
  source: 'dataset' | 'editorial'
  /** The current provision with the same article label (same law, newer version, or the editor's successor). */
  current: { id: string, lawTitle: string, articleLabel: string | null, versionDate: string | null } | null
  /** The successor law when its articles were renumbered (or no article matches): its first article. */
  currentLaw: { id: string, lawTitle: string, versionDate: string | null } | null
}

export interface CaseSummaryDto { id: string, slug: string, title: string, category: string, summary: string }

/** What a case tells, as the public page and the editor console both show it. */
export interface CaseContentDto {
  groups: string[]
  region: string
  date: string | null
  source: string
  kind: 'explained' | 'typical' | 'bulk'
  facts: string
  question: string
  outcome: string
  explanation: string
  nextSteps: string[]
  commonQuestions: string[]
}

export interface CaseDetailDto extends CaseSummaryDto, CaseContentDto {
  isDemo: boolean
  publishedAt: string | null
  statutes: StatuteDto[]
  related: CaseSummaryDto[]
}

export interface StatuteDetailDto {
  statute: StatuteDto
  status: StatuteStatusDto
  /** The article and its neighbours (±2) in the same law, in order. */
  neighbours: StatuteDto[]
  citedBy: CaseSummaryDto[]
}

export type CaseStatusDto = 'draft' | 'published' | 'unpublished'

/** A case as the editor console sees it (drafts included). */
export interface StaffCaseDto extends CaseContentDto {
  id: string
  slug: string
  title: string
  category: string
  summary: string
  statuteIds: string[]
  status: CaseStatusDto
  publishedAt: string | null
  isDemo: boolean
  version: number
  updatedAt: string
}

export interface StaffCaseListDto {
  items: Array<Pick<StaffCaseDto, 'id' | 'slug' | 'title' | 'category' | 'status' | 'kind' | 'isDemo' | 'version' | 'updatedAt'>>
  total: number
}

export interface LexiconEntryDto {
  id: string
  colloquial: string[]
  legal: string[]
  kind: 'synonym' | 'expansion'
  domain: string | null
  status: 'draft' | 'approved' | 'rejected'
  source: string | null
  note: string | null
  reviewedAt: string | null
}

/** The editor form's value (the shared content schema; the region may also be 全国 for typical cases). */
export interface CaseFormValue {
  slug: string
  title: string
  category: string
  groups: string[]
  region: string
  date: string
  source: string
  facts: string
  question: string
  outcome: string
  explanation: string
  nextSteps: string[]
  statuteIds: string[]
  commonQuestions: string[]
  summary: string
}
