// A highlight (text + matched ranges) → the pieces to render: plain text and marked text, in
// order. Used by the browser's CasesHighlight component, which renders them as text nodes (Vue
// escapes them), so no markup from the text can ever render. Ranges that are out of bounds,
// empty, overlapping or out of order are ignored rather than trusted.
import type { HighlightDto } from '../../types/cases'

export interface HighlightSegment { text: string, mark: boolean }

export function highlightSegments(h: HighlightDto): HighlightSegment[] {
  const out: HighlightSegment[] = []
  let pos = 0
  for (const [start, end] of h.marks) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < pos || end <= start || end > h.text.length) continue
    if (start > pos) out.push({ text: h.text.slice(pos, start), mark: false })
    out.push({ text: h.text.slice(start, end), mark: true })
    pos = end
  }
  if (pos < h.text.length) out.push({ text: h.text.slice(pos), mark: false })
  return out
}
