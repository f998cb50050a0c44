/**
 * The application form's plain constants and input helpers, without zod, the calendar or the
 * case-text detector, so the browser's application page loads them without the schema (the
 * schema in ../../schemas/applications re-exports them and is loaded only when a step is checked).
 */

export const MATTER_SUMMARY_MAX = 1000

/** 代为申请 (法律援助法第四十条): who may apply for someone else. */
export const agentRelationCodes = ['legal_representative', 'close_relative'] as const
export type AgentRelationCode = (typeof agentRelationCodes)[number]
export const agentRelationLabels: Record<AgentRelationCode, string> = {
  legal_representative: '法定代理人（监护人）',
  close_relative: '近亲属',
}

/** What the form does while the person types: fullwidth → halfwidth, spaces out, x → X. */
export function normalizeIdNumberInput(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF38\uFF58]/g, 'X')
    .replace(/[\s\u3000-]/g, '')
    .replace(/x$/, 'X')
}
