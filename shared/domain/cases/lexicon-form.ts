// The lexicon proposal form's fields (text boxes) → the createLexiconBody input: the page (with
// JavaScript) and the form route (without) turn the same fields into the same body.
export interface LexiconFormFields { id: string, colloquial: string, legal: string, kind: string, domain: string, note: string }

/** Words separated by commas (half or full width), 、 or new lines. */
export const splitWords = (s: string) => s.split(/[,，、\n]/).map(x => x.trim()).filter(Boolean)

export function lexiconFormToBody(f: LexiconFormFields) {
  return { id: f.id.trim(), colloquial: splitWords(f.colloquial), legal: splitWords(f.legal), kind: f.kind, domain: f.domain.trim() || undefined, note: f.note.trim() || undefined }
}
