/**
 * The questionnaire as server-rendered steps, one question per page (GOV.UK "one thing per page"),
 * generic over aid's definitions (STEP_DEFINITIONS, stepsFor, isAnswered in
 * shared/domain/applications/questionnaire.ts): no page hard-codes a question.
 *
 * - `displayQuestions` — a step's questions as shown; the matter question in the resident's words
 *   (matter-words.ts), everything else as defined.
 * - `applyStep` — reads one submitted step (a plain HTML form: name → values), checks it and the
 *   engine's own schema (screeningInput), and returns the new draft or the errors, in Chinese.
 * - `progressOf` — progress that never jumps backwards: "第 2 个问题，后面大约还有 5 个" while the
 *   path depends on answers still to come, "第 3 个问题，共 3 个" once it is known.
 * - `answerSummary` — every answer given, with the step to change it (check your answers).
 *
 * Framework-free.
 */
import {
  isAnswered, STEP_DEFINITIONS, stepsFor, toScreeningInput,
  type Answers, type ChoiceQuestion, type Question, type StepId,
} from '../applications/questionnaire'
import { screeningInput } from '../../schemas/eligibility'
import type { EligibilityConfig } from './config'
import { isSensitiveMatter, matterWordByCode, matterWordFor, matterWords } from './matter-words'

export const NONE = 'none_of_these'
const ANSWERED_FLAG = { statuses: 'statusesAnswered', militaryCategories: 'militaryAnswered' } as const
type ListKey = keyof typeof ANSWERED_FLAG

/** The questionnaire's draft: the engine's answers plus the resident's own word for the matter. */
export interface QuestionnaireDraft {
  answers: Answers
  /** neutral code of the matter word chosen (matter-words.ts) */
  word?: string
}

export interface FieldError {
  /** form field name */
  name: string
  message: string
  /** id of the input to link to from the error summary */
  target: string
}

/** Form values of a step as a plain form sends them: name → values. */
export type FormValues = Record<string, string[] | undefined>

export const fieldTarget = (q: Question) => (q.kind === 'number' ? `q-${q.name}` : `q-${q.name}-0`)

/** The matter question in the resident's words (the law's matter codes stay behind the words). */
export function displayQuestions(step: StepId): Question[] {
  return STEP_DEFINITIONS[step].questions.map((q) => {
    if (q.kind !== 'choice' || q.key !== 'matter') return q
    return {
      ...q,
      legend: '请选择最接近的一项（拿不准就选“其他事情”）',
      options: matterWords.map(w => ({ value: w.code, label: w.label, ...(w.hint ? { hint: w.hint } : {}) })),
    } satisfies ChoiceQuestion
  })
}

const toHalfWidth = (t: string) => t
  .replace(/[\uFF10-\uFF19]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0))
  .replace(/\uFF0E/g, '.')
  .replace(/[,，\s元人口]/g, '')

function requiredMessage(step: StepId, q: Question): string {
  const def = STEP_DEFINITIONS[step]
  if (q.kind === 'number') return `请填写${q.label.replace(/（.*?）/g, '')}`
  return def.questions.length === 1 ? `请回答：${def.title}` : `请回答：${q.legend}`
}

/** The current values of a step's fields, as a form would show them (checked options, typed numbers). */
export function valuesOf(step: StepId, draft: QuestionnaireDraft): Record<string, string[]> {
  const a = draft.answers as unknown as Record<string, unknown>
  const out: Record<string, string[]> = {}
  for (const q of displayQuestions(step)) {
    if (q.kind === 'number') {
      const v = a[q.key]
      out[q.name] = v === undefined ? [] : [String(v)]
    } else if (q.key === 'matter') {
      const word = matterWordByCode(draft.word) ?? matterWordFor(draft.answers.matter)
      out[q.name] = draft.answers.matter && word ? [word.code] : []
    } else if (q.multiple) {
      const list = (a[q.key] as string[] | undefined) ?? []
      out[q.name] = a[ANSWERED_FLAG[q.key as ListKey]] ? (list.length ? [...list] : [NONE]) : []
    } else {
      const v = a[q.key]
      out[q.name] = v === undefined ? [] : [String(v)]
    }
  }
  return out
}

/** Reads one submitted step. Unknown values are refused; the engine's schema checks the result. */
export function applyStep(draft: QuestionnaireDraft, step: StepId, form: FormValues): { draft: QuestionnaireDraft, errors: FieldError[] } {
  const answers = structuredClone(draft.answers) as Answers
  const a = answers as unknown as Record<string, unknown>
  let word = draft.word
  const errors: FieldError[] = []
  const fail = (q: Question, message: string) => errors.push({ name: q.name, message, target: fieldTarget(q) })

  for (const q of displayQuestions(step)) {
    const raw = (form[q.name] ?? []).map(v => v.trim()).filter(v => v !== '')
    if (q.kind === 'number') {
      if (!raw.length) { fail(q, requiredMessage(step, q)); continue }
      const n = Number(toHalfWidth(raw[0]!))
      if (!Number.isFinite(n) || (q.integer && !Number.isInteger(n)) || n < q.min || n > q.max) { fail(q, q.message); continue }
      a[q.key] = n
      continue
    }
    if (q.key === 'matter') {
      const w = matterWordByCode(raw[0])
      if (!w) { fail(q, requiredMessage(step, q)); continue }
      answers.matter = w.matter
      word = w.code
      continue
    }
    if (q.multiple) {
      const allowed = new Set(q.options.map(o => String(o.value)))
      if (!raw.length) { fail(q, requiredMessage(step, q)); continue }
      if (raw.includes(NONE) && raw.length > 1) { fail(q, `选了“${q.noneLabel ?? '以上都不是'}”，就不要再选其他项`); continue }
      if (raw.some(v => v !== NONE && !allowed.has(v))) { fail(q, requiredMessage(step, q)); continue }
      a[q.key] = raw.includes(NONE) ? [] : [...new Set(raw)]
      a[ANSWERED_FLAG[q.key as ListKey]] = true
      continue
    }
    const chosen = q.options.find(o => String(o.value) === raw[0])
    if (!chosen) { fail(q, requiredMessage(step, q)); continue }
    a[q.key] = chosen.value
  }
  if (!errors.length) {
    const parsed = screeningInput.safeParse(toScreeningInput(answers))
    if (!parsed.success) {
      const first = displayQuestions(step)[0]!
      fail(first, parsed.error.issues[0]?.message ?? '回答有误，请检查')
    }
  }
  return errors.length ? { draft, errors } : { draft: { answers, ...(word ? { word } : {}) }, errors }
}

/** The first question not answered yet (its index in the path), or -1 when all are answered. */
export function firstOpenStep(answers: Answers, cfg: EligibilityConfig): number {
  return stepsFor(answers, cfg).findIndex(s => !isAnswered(s, answers))
}

// --- progress --------------------------------------------------------------------------------

/** Every way a step could be answered (cartesian product of its questions' options). */
function fillsFor(step: StepId, a: Answers): Answers[] {
  let out: Answers[] = [structuredClone(a)]
  for (const q of STEP_DEFINITIONS[step].questions) {
    const next: Answers[] = []
    for (const base of out) {
      const choices: unknown[] = q.kind === 'number'
        ? [q.min]
        : q.multiple ? [[], ...q.options.map(o => [o.value])] : q.options.map(o => o.value)
      for (const v of choices) {
        const c = structuredClone(base) as unknown as Record<string, unknown>
        c[q.key] = v
        if (q.kind === 'choice' && q.multiple) c[ANSWERED_FLAG[q.key as ListKey]] = true
        next.push(c as unknown as Answers)
      }
    }
    out = next
  }
  return out
}

const pathCache = new WeakMap<EligibilityConfig, Map<string, number>>()

/** Length of the path if every open question were answered to make it longest (or shortest). Cached per rule config. */
function pathLength(answers: Answers, cfg: EligibilityConfig, pick: 'longest' | 'shortest'): number {
  let cache = pathCache.get(cfg)
  if (!cache) pathCache.set(cfg, cache = new Map())
  const key = `${pick}:${JSON.stringify(answers)}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const n = searchPathLength(answers, cfg, pick)
  if (cache.size > 2000) cache.clear()
  cache.set(key, n)
  return n
}

function searchPathLength(answers: Answers, cfg: EligibilityConfig, pick: 'longest' | 'shortest'): number {
  let cur = answers
  for (let guard = 0; guard < 40; guard++) {
    const steps = stepsFor(cur, cfg)
    const open = steps.find(s => !isAnswered(s, cur))
    if (!open) return steps.length
    let best: Answers | undefined
    let bestLen = pick === 'longest' ? -1 : Number.POSITIVE_INFINITY
    for (const f of fillsFor(open, cur)) {
      const len = stepsFor(f, cfg).length
      if (pick === 'longest' ? len > bestLen : len < bestLen) { best = f; bestLen = len }
    }
    cur = best!
  }
  return stepsFor(cur, cfg).length
}

export interface Progress {
  /** 1-based number of the current question */
  number: number
  /** the number of questions, once the path is known */
  total?: number
  /** questions that may still follow this one, while the path is not known */
  about?: number
  /** 0..100, share of the longest possible path done before this question */
  percent: number
  text: string
}

export function progressOf(answers: Answers, cfg: EligibilityConfig, index: number): Progress {
  const longest = Math.max(pathLength(answers, cfg, 'longest'), index + 1)
  const shortest = pathLength(answers, cfg, 'shortest')
  const number = index + 1
  const percent = Math.round((index / longest) * 100)
  if (longest === shortest) return { number, total: longest, percent, text: `第 ${number} 个问题，共 ${longest} 个` }
  const about = longest - number
  return { number, about, percent, text: about > 0 ? `第 ${number} 个问题，后面大约还有 ${about} 个` : `第 ${number} 个问题` }
}

// --- check your answers ----------------------------------------------------------------------

export interface AnswerLine {
  step: StepId
  /** 1-based step number in the path (for the change link) */
  number: number
  question: string
  answer: string
}

/** Every question on the path with its answer, in order, for "check your answers". */
export function answerSummary(draft: QuestionnaireDraft, cfg: EligibilityConfig): AnswerLine[] {
  const values = (s: StepId) => valuesOf(s, draft)
  return stepsFor(draft.answers, cfg).filter(s => isAnswered(s, draft.answers)).map((s, i) => {
    const v = values(s)
    const parts = displayQuestions(s).map((q) => {
      const got = v[q.name] ?? []
      if (q.kind === 'number') return `${q.label.replace(/（.*?）/g, '')}：${got[0] ?? ''}`
      return got.map(x => x === NONE ? (q.noneLabel ?? '以上都不是') : q.options.find(o => String(o.value) === x)?.label ?? x).join('、')
    })
    return { step: s, number: i + 1, question: STEP_DEFINITIONS[s].title, answer: parts.join('；') }
  })
}

/** The path is discreet (no matter words in titles or URLs, the safety note shown). */
export const isDiscreet = (draft: QuestionnaireDraft) => isSensitiveMatter(draft.answers.matter)
