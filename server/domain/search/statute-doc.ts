// Statute records (dataset / database) → Meilisearch documents and index settings.
// Framework-free: relative imports only.
import type { LexiconEntry } from './lexicon'
import { lexiconSynonyms } from './lexicon'
import { STOP_WORDS } from './normalize'

export const STATUTE_INDEX = 'statutes'

/** Dataset record as found in statutes.jsonl.gz / statutes_priority.jsonl. */
export interface StatuteRecord {
  id: string
  law_id: string
  law_title: string
  law_short_title?: string | null
  part?: string | null
  level: string
  category?: string | null
  region?: string | null
  version_date?: string | null
  is_latest: boolean
  /** False for superseded versions and repealed instruments (absent in older files: in force). */
  in_force?: boolean
  chapter_path?: string[] | null
  article_no: number
  article_label: string
  text: string
}

export interface StatuteDoc {
  id: string
  law_id: string
  law_title: string
  law_short_title: string
  part: string | null
  level: string
  /** Lower is more authoritative for a general question: 宪法 0, 法律 1, 司法解释 2, 行政法规 3, 部门规章 4, 地方性法规 5, 其他 6. */
  level_rank: number
  category: string | null
  region: string | null
  version_date: string | null
  is_latest: boolean
  /** Only in-force articles are indexed and ranked; kept on the document so a stray one is filtered. */
  in_force: boolean
  chapter: string
  /** Search prior: 0 core codes residents need most, 1 other 法律, 2 司法解释, 3 行政法规, 4 部门规章, 5 地方性法规, 6 其他, 7 amendment decisions / whole-law blobs. */
  law_tier: number
  article_no: number
  article_label: string
  text: string
}

export const LEVEL_RANK: Record<string, number> = {
  宪法: 0, 法律: 1, 司法解释: 2, 行政法规: 3, 部门规章: 4, 地方性法规: 5, 其他: 6,
}

/**
 * Core laws a general question most often lands in (the portal's priority laws plus the big codes).
 * Matched on law_title.
 */
export const CORE_LAWS: readonly string[] = [
  '中华人民共和国民法典', '中华人民共和国劳动合同法', '中华人民共和国劳动法', '中华人民共和国法律援助法',
  '中华人民共和国道路交通安全法', '中华人民共和国未成年人保护法', '中华人民共和国老年人权益保障法',
  '中华人民共和国残疾人保障法', '中华人民共和国反家庭暴力法', '中华人民共和国刑法', '中华人民共和国民事诉讼法',
  '中华人民共和国消费者权益保护法', '中华人民共和国治安管理处罚法', '中华人民共和国社会保险法',
  '中华人民共和国妇女权益保障法', '中华人民共和国劳动争议调解仲裁法', '中华人民共和国土地管理法',
  '中华人民共和国农村土地承包法', '中华人民共和国行政诉讼法', '中华人民共和国行政处罚法',
]

export function lawTier(r: Pick<StatuteRecord, 'level' | 'law_title' | 'article_label' | 'text'>): number {
  // amendment decisions and whole-law blobs: their content already lives in the consolidated law
  if (!r.article_label || r.text.length > 3000 || /修正案|关于修改|关于废止/.test(r.law_title)) return 7
  if (CORE_LAWS.includes(r.law_title)) return 0
  switch (r.level) {
    case '宪法': case '法律': return 1
    case '司法解释': return 2
    case '行政法规': return 3
    case '部门规章': return 4
    case '地方性法规': return 5
    default: return 6
  }
}

/** Levels indexed by default (plus the priority file). 地方性法规 only on request. */
export const DEFAULT_LEVELS = ['法律', '行政法规', '司法解释'] as const

export function toStatuteDoc(r: StatuteRecord): StatuteDoc {
  return {
    id: r.id,
    law_id: r.law_id,
    law_title: r.law_title,
    law_short_title: r.law_short_title || r.law_title,
    part: r.part ?? null,
    level: r.level,
    level_rank: LEVEL_RANK[r.level] ?? 6,
    category: r.category ?? null,
    region: r.region ?? null,
    version_date: r.version_date ?? null,
    is_latest: !!r.is_latest,
    in_force: isInForce(r),
    chapter: (r.chapter_path ?? []).join(' '),
    law_tier: lawTier(r),
    article_no: r.article_no,
    article_label: r.article_label,
    text: r.text,
  }
}

/** Whether a record is law in force (records of files without the flag count as in force). */
export function isInForce(r: Pick<StatuteRecord, 'in_force'>): boolean {
  return r.in_force !== false
}

/** Whether a record belongs to the default statute corpus (repealed articles included: pages show them as such). */
export function inDefaultCorpus(r: Pick<StatuteRecord, 'is_latest' | 'level'>): boolean {
  return r.is_latest && (DEFAULT_LEVELS as readonly string[]).includes(r.level)
}

/** The plain settings the baseline uses: only searchable attributes. */
export const BASELINE_SEARCHABLE = ['law_title', 'chapter', 'text']

export function statuteIndexSettings(lexicon: readonly LexiconEntry[] = []) {
  return {
    // text first: the article body is what a question is about; titles/chapters help as context.
    searchableAttributes: ['text', 'chapter', 'law_short_title', 'law_title'],
    displayedAttributes: ['*'],
    // id: the page of articles the ranker chose is read with `id IN [...]`
    filterableAttributes: ['id', 'level', 'law_id', 'category', 'region', 'is_latest', 'in_force', 'level_rank', 'law_tier', 'part', 'law_title'],
    sortableAttributes: ['law_tier', 'level_rank', 'version_date', 'article_no'],
    // law_tier right after words: among articles matching as many query words, national core law first
    rankingRules: ['words', 'law_tier:asc', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: lexiconSynonyms(lexicon),
    stopWords: [...STOP_WORDS],
    // Chinese words are 1-4 characters: typo tolerance only produces noise.
    typoTolerance: { enabled: false },
    proximityPrecision: 'byWord' as const,
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    pagination: { maxTotalHits: 1000 },
  }
}
