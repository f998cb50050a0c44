// A highlight as the HTML the browser ends up with: escaped text, matches in <mark>. Lets tests
// state what a reader sees in one string.
import { highlightSegments } from '../../shared/domain/cases/highlight'
import type { HighlightDto } from '../../shared/types/cases'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, c => ESCAPES[c]!)

export function markup(h: HighlightDto): string {
  return highlightSegments(h).map(s => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('')
}
