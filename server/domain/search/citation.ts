// Citations as people type them: "劳动合同法第八十二条", "劳动合同法82条", "民法典1079条",
// "《中华人民共和国民法典》第一千零七十九条", "刑法第二百三十四条", "法律援助法 31条"; a law's name
// alone ("民法典", "反家庭暴力法"). The library search puts the cited article first and a named law's
// articles before anything else. Framework-free: relative imports only.

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** 一千零七十九 → 1079, 十一 → 11, 二百三十四 → 234, 82 → 82 (ASCII or fullwidth digits). Undefined when not a number. */
export function parseArticleNumber(s: string): number | undefined {
  const t = s.trim().replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xFEE0))
  if (/^\d{1,5}$/.test(t)) return Number(t) || undefined
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(t)) return undefined
  let total = 0
  let digit: number | null = null
  for (const ch of t) {
    if (ch in DIGIT) {
      digit = DIGIT[ch]!
    } else {
      const unit = UNIT[ch]!
      total += (digit ?? 1) * unit // 十一: an implicit 一 before 十
      digit = null
    }
  }
  if (digit !== null) total += digit
  return total > 0 ? total : undefined
}

export interface ParsedCitation {
  /** The law's name as typed, without 《》 and the 中华人民共和国 prefix. */
  law: string
  /** Article number, when one was typed. */
  article?: number
}

const PREFIX = /^中华人民共和国/
const LAW_SUFFIX = /(法典|法|条例|规定|解释|办法|决定|规则|细则)$/

/** A question that is only a citation (or a law's name); anything more is left to the ranker. */
export function parseCitation(raw: string): ParsedCitation | null {
  const q = raw.normalize('NFKC').replace(/[\s《》〈〉<>"“”'‘’]/g, '').replace(/[?？。.!！]+$/, '')
  if (!q || q.length > 40) return null
  const m = /^(.+?)第?([零〇一二两三四五六七八九十百千]+|\d{1,5})条(?:第?[零〇一二两三四五六七八九十百千\d]+[款项])*(?:的?规定)?(?:的内容|是什么|怎么规定的?|说的?什么)?$/.exec(q)
  if (m) {
    const law = m[1]!.replace(PREFIX, '')
    const article = parseArticleNumber(m[2]!)
    if (article && law.length >= 2 && LAW_SUFFIX.test(law)) return { law, article }
    return null
  }
  const law = q.replace(PREFIX, '')
  if (law.length >= 2 && LAW_SUFFIX.test(law)) return { law }
  return null
}

/** What the citation index needs of an article. */
export interface CitableStatute {
  id: string
  law_title: string
  law_short_title?: string | null
  article_no: number
  article_label?: string | null
  is_latest: boolean
  /** Absent means in force (data without the flag). */
  in_force?: boolean
  level_rank?: number
}

interface LawEntry { title: string, rank: number, articles: Map<number, string>, ordered: Array<{ no: number, id: string }> }

/**
 * Law names (full, without 中华人民共和国, short title) → the in-force law and its articles by number.
 * A law is its title: the 民法典 is held as one record per 编 in the data, one law here.
 */
export class CitationIndex {
  private readonly byName = new Map<string, LawEntry>()
  private readonly laws = new Map<string, LawEntry>()
  private sorted = true

  add(s: CitableStatute): void {
    if (s.in_force === false || !s.is_latest) return // a citation answers with the law in force
    if (!Number.isInteger(s.article_no) || s.article_no <= 0 || !s.article_label) return
    const title = s.law_title.normalize('NFKC').replace(/\s/g, '')
    let law = this.laws.get(title)
    if (!law) {
      law = { title, rank: s.level_rank ?? 6, articles: new Map(), ordered: [] }
      this.laws.set(title, law)
      for (const name of namesOf(s)) {
        const held = this.byName.get(name)
        // two laws share a name: the more authoritative level wins (法律 before 司法解释 …)
        if (!held || law.rank < held.rank) this.byName.set(name, law)
      }
    }
    if (!law.articles.has(s.article_no)) {
      law.articles.set(s.article_no, s.id)
      law.ordered.push({ no: s.article_no, id: s.id })
      this.sorted = false
    }
  }

  get size(): number { return this.laws.size }

  private sortOnce() {
    if (this.sorted) return
    for (const l of this.laws.values()) l.ordered.sort((a, b) => a.no - b.no)
    this.sorted = true
  }

  /**
   * The article a citation names, or the first `limit` articles of a named law. null when the
   * question is not a citation or names no law the corpus holds (the ranker answers then).
   */
  resolve(q: string, limit = 10): { kind: 'article', id: string } | { kind: 'law', ids: string[], total: number } | null {
    const c = parseCitation(q)
    if (!c) return null
    const law = this.byName.get(c.law)
    if (!law) return null
    if (c.article !== undefined) {
      const id = law.articles.get(c.article)
      return id ? { kind: 'article', id } : null
    }
    this.sortOnce()
    return { kind: 'law', ids: law.ordered.slice(0, limit).map(a => a.id), total: law.ordered.length }
  }
}

function namesOf(s: CitableStatute): string[] {
  const names = new Set<string>()
  for (const n of [s.law_title, s.law_short_title ?? '']) {
    const t = n.normalize('NFKC').replace(/[\s《》]/g, '')
    if (!t) continue
    names.add(t)
    names.add(t.replace(PREFIX, ''))
  }
  return [...names].filter(n => n.length >= 2)
}
