// Search highlights as ranges: the plain text and the [start, end) offsets that matched, never
// HTML. The browser renders them as text nodes (CasesHighlight.vue), so nothing in the text can
// become markup. Framework-free.
import type { HighlightDto } from '../../../shared/types/cases'

export type { HighlightDto }

export interface HighlightTags { pre: string, post: string }

/**
 * Tags for Meilisearch's `_formatted` output that cannot occur in the text: private-use
 * characters around a per-process random token (and the search documents never carry them).
 */
export function makeHighlightTags(token: string): HighlightTags {
  if (!/^[A-Za-z0-9]{8,}$/.test(token)) throw new Error('highlight token must be ≥8 alphanumerics')
  return { pre: `\uE000${token}\uE001`, post: `\uE002${token}\uE003` }
}

/** Meilisearch `_formatted` text (with `tags` around the matches) → the text and its matched ranges. */
export function highlightFormatted(formatted: string, tags: HighlightTags): HighlightDto {
  let text = ''
  const marks: Array<[number, number]> = []
  let rest = formatted
  for (;;) {
    const start = rest.indexOf(tags.pre)
    if (start < 0) break
    const afterPre = rest.slice(start + tags.pre.length)
    const end = afterPre.indexOf(tags.post)
    const inner = end < 0 ? afterPre : afterPre.slice(0, end)
    text += stripTags(rest.slice(0, start), tags)
    const matched = stripTags(inner, tags)
    if (matched) {
      marks.push([text.length, text.length + matched.length])
      text += matched
    }
    if (end < 0) return { text, marks }
    rest = afterPre.slice(end + tags.post.length)
  }
  return { text: text + stripTags(rest, tags), marks }
}

function stripTags(s: string, tags: HighlightTags): string {
  return s.split(tags.pre).join('').split(tags.post).join('')
}

/** True when Meilisearch marked at least one match in this `_formatted` value. */
export function hasMatch(formatted: string | undefined, tags: HighlightTags): boolean {
  return !!formatted && formatted.includes(tags.pre)
}

/**
 * Marks every occurrence of `terms` in `text` (case-insensitive, longest term first, no overlaps)
 * and, for long text, cuts an excerpt of about `maxChars` around the first match. Used when the
 * answer comes from the database (search engine down).
 */
export function highlightTerms(text: string, terms: readonly string[], maxChars = 160): HighlightDto {
  const lower = text.toLowerCase()
  const ranges: Array<[number, number]> = []
  const sorted = [...new Set(terms.map(t => t.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length)
  const taken = new Uint8Array(text.length)
  for (const t of sorted) {
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) {
      let free = true
      for (let i = at; i < at + t.length; i++) if (taken[i]) { free = false; break }
      if (!free) continue
      taken.fill(1, at, at + t.length)
      ranges.push([at, at + t.length])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  let from = 0
  let to = text.length
  if (text.length > maxChars) {
    const first = ranges[0]?.[0] ?? 0
    from = Math.max(0, first - Math.floor(maxChars / 4))
    to = Math.min(text.length, from + maxChars)
  }
  const lead = from > 0 ? '…' : ''
  const shift = lead.length - from
  const marks: Array<[number, number]> = []
  for (const [s, e] of ranges) if (s >= from && e <= to) marks.push([s + shift, e + shift])
  return { text: lead + text.slice(from, to) + (to < text.length ? '…' : ''), marks }
}
