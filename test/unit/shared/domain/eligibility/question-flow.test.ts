import { describe, expect, it } from 'vitest'
import ruleSets from '~~/content/eligibility/rulesets.json'
import { emptyAnswers, isAnswered, previewConfig, STEP_DEFINITIONS, stepsFor } from '#shared/domain/applications/questionnaire'
import {
  answerSummary, applyStep, displayQuestions, firstOpenStep, NONE, progressOf, valuesOf, type FormValues, type QuestionnaireDraft,
} from '#shared/domain/eligibility/question-flow'

const cfg = previewConfig(ruleSets, new Date('2026-11-28T00:00:00Z'))
const empty = (): QuestionnaireDraft => ({ answers: emptyAnswers() })

function answer(draft: QuestionnaireDraft, form: FormValues): QuestionnaireDraft {
  const i = firstOpenStep(draft.answers, cfg)
  const step = stepsFor(draft.answers, cfg)[i]!
  const r = applyStep(draft, step, form)
  expect(r.errors).toEqual([])
  return r.draft
}

describe('one submitted step', () => {
  it('takes the matter in the resident\'s words and keeps the law\'s code behind it', () => {
    const q = displayQuestions('matter')[0]!
    expect(q.kind === 'choice' && q.options.map(o => o.label)).toEqual(expect.arrayContaining(['离婚', '家暴、虐待、遗弃', '工伤', '借钱不还']))
    const d = answer(empty(), { matter: ['m01'] })
    expect(d.answers.matter).toBe('labor_remuneration')
    expect(d.word).toBe('m01')
    expect(valuesOf('matter', d)).toEqual({ matter: ['m01'] })
  })

  it('says in Chinese what is missing and links to the field', () => {
    const r = applyStep(empty(), 'matter', {})
    expect(r.errors).toEqual([{ name: 'matter', message: '请回答：您遇到的是什么事？', target: 'q-matter-0' }])
    expect(r.draft).toEqual(empty())
  })

  it('refuses values that are not options (a tampered form)', () => {
    expect(applyStep(empty(), 'matter', { matter: ['abuse_or_domestic_violence'] }).errors).toHaveLength(1)
    const d = answer(empty(), { matter: ['m04'] })
    expect(applyStep(d, 'status', { statuses: ['dibao', 'not-a-status'] }).errors).toHaveLength(1)
  })

  it('"none of these" is an answer on its own, not with others', () => {
    const d = answer(empty(), { matter: ['m04'] })
    expect(applyStep(d, 'status', { statuses: [NONE, 'dibao'] }).errors[0]!.message).toContain('以上都不是')
    const none = applyStep(d, 'status', { statuses: [NONE] }).draft
    expect(none.answers.statuses).toEqual([])
    expect(isAnswered('status', none.answers)).toBe(true)
    expect(valuesOf('status', none)).toEqual({ statuses: [NONE] })
  })

  it('reads numbers as people type them, and refuses the impossible', () => {
    const d: QuestionnaireDraft = { answers: { ...emptyAnswers(), matter: 'marriage_family', statusesAnswered: true } }
    const ok = applyStep(d, 'income', { 'household-size': ['３'], 'household-income': ['4,500 元'] })
    expect(ok.errors).toEqual([])
    expect(ok.draft.answers).toMatchObject({ householdSize: 3, monthlyIncome: 4500 })
    const bad = applyStep(d, 'income', { 'household-size': ['2.5'], 'household-income': [''] })
    expect(bad.errors.map(e => [e.name, e.target])).toEqual([['household-size', 'q-household-size'], ['household-income', 'q-household-income']])
    expect(bad.errors[0]!.message).toBe('请填写 1 到 50 之间的整数')
    expect(bad.errors[1]!.message).toBe('请填写全家每月收入合计')
  })
})

describe('progress never jumps backwards', () => {
  it('says "about N more" until the path is known, then "of N"', () => {
    const first = progressOf(emptyAnswers(), cfg, 0)
    expect(first.total).toBeUndefined()
    expect(first.text).toMatch(/^第 1 个问题，后面大约还有 \d+ 个$/)
    let d = answer(empty(), { matter: ['m01'] })
    d = answer(d, { statuses: ['migrant_worker'] })
    expect(stepsFor(d.answers, cfg)).toEqual(['matter', 'status', 'urgency'])
    expect(progressOf(d.answers, cfg, 2)).toMatchObject({ number: 3, total: 3, text: '第 3 个问题，共 3 个' })
  })

  it('on every path walked, the share done only grows and the question number only counts up', () => {
    // A deterministic pseudo-random walk through many answer combinations.
    let seed = 7
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
    for (let walk = 0; walk < 40; walk++) {
      let d = empty()
      let last = -1
      for (let guard = 0; guard < 20; guard++) {
        const i = firstOpenStep(d.answers, cfg)
        if (i === -1) break
        const step = stepsFor(d.answers, cfg)[i]!
        const p = progressOf(d.answers, cfg, i)
        expect(p.number).toBe(i + 1)
        expect(p.percent, `walk ${walk} step ${step}`).toBeGreaterThanOrEqual(last)
        last = p.percent
        const form: FormValues = {}
        for (const q of displayQuestions(step)) {
          if (q.kind === 'number') form[q.name] = [String(q.min + rand(3))]
          else if (q.multiple) form[q.name] = rand(3) === 0 ? [NONE] : [String(q.options[rand(q.options.length)]!.value)]
          else form[q.name] = [String(q.options[rand(q.options.length)]!.value)]
        }
        d = answer(d, form)
      }
    }
  }, 120_000)
})

describe('check your answers', () => {
  it('lists each answer on the path with the step that changes it, in the resident\'s words', () => {
    let d = answer(empty(), { matter: ['m01'] })
    d = answer(d, { statuses: ['migrant_worker'] })
    d = answer(d, { 'urgent-deadline': ['false'], 'preservation': ['false'] })
    const lines = answerSummary(d, cfg)
    expect(lines.map(l => [l.number, l.question])).toEqual([[1, STEP_DEFINITIONS.matter.title], [2, STEP_DEFINITIONS.status.title], [3, STEP_DEFINITIONS.urgency.title]])
    expect(lines[0]!.answer).toBe('讨工资、拖欠工钱')
    expect(lines[2]!.answer).toBe('否；否')
  })
})
