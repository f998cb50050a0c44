// The case editor's fields (text boxes; the lists one item a line) → the case content input: the
// page (with JavaScript) and the form route (without, server/routes/staff/cases/**) turn the same
// fields into the same value, which the one schema (shared/schemas/case-editor.ts) then checks.
import type { CaseFormValue } from '../../types/cases'

/** The editor's fields as typed: the lists as text, one item a line (commas also separate). */
export interface CaseFormFields extends Omit<CaseFormValue, 'nextSteps' | 'commonQuestions' | 'statuteIds'> {
  nextStepsText: string
  commonQuestionsText: string
  statuteIdsText: string
}

/** Items one a line (or separated by commas, half or full width). */
export const caseFormLines = (s: string) => s.split(/\n|,|，/).map(x => x.trim()).filter(Boolean)

export function caseFormToValue(f: CaseFormFields): CaseFormValue {
  return {
    slug: f.slug.trim(), title: f.title, category: f.category, groups: [...f.groups], region: f.region, date: f.date, source: f.source,
    facts: f.facts, question: f.question, outcome: f.outcome, explanation: f.explanation, summary: f.summary,
    nextSteps: caseFormLines(f.nextStepsText), commonQuestions: caseFormLines(f.commonQuestionsText), statuteIds: caseFormLines(f.statuteIdsText),
  }
}

export function caseFormFieldsOf(v: CaseFormValue): CaseFormFields {
  const { nextSteps, commonQuestions, statuteIds, ...rest } = v
  return { ...rest, groups: [...v.groups], nextStepsText: nextSteps.join('\n'), commonQuestionsText: commonQuestions.join('\n'), statuteIdsText: statuteIds.join('\n') }
}

/** The names the form posts its fields under (a plain HTML form without JavaScript). */
export const CASE_FORM_TEXT_NAMES = ['slug', 'title', 'category', 'region', 'date', 'source', 'facts', 'question', 'outcome', 'explanation', 'summary', 'nextStepsText', 'commonQuestionsText', 'statuteIdsText'] as const

/** A posted form (name → values) as the editor's fields; a field not sent is empty. */
export function caseFormFieldsFromPost(get: (name: string) => string[] | undefined): CaseFormFields {
  const text = (n: string) => get(n)?.[0] ?? ''
  const out = Object.fromEntries(CASE_FORM_TEXT_NAMES.map(n => [n, text(n)])) as Record<typeof CASE_FORM_TEXT_NAMES[number], string>
  return { ...out, groups: get('groups') ?? [] }
}
