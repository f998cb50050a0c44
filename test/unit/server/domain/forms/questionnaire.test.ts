import { describe, expect, it } from 'vitest'
import ruleSets from '~~/content/eligibility/rulesets.json'
import { parseEligibilityConfig } from '#shared/domain/eligibility'
import { CHECK_ANSWERS_URL, questionnaireView, RESULT_URL, submitQuestion, type QuestionnaireState } from '~~/server/domain/forms/questionnaire'

const cfg = parseEligibilityConfig({ now: '2026-11-28', standards: [], ruleSets })

function walk(forms: Array<Record<string, string[]>>): { state: QuestionnaireState, locations: string[] } {
  let state: QuestionnaireState = {}
  const locations: string[] = []
  for (const f of forms) {
    const out = submitQuestion(state, cfg, f)
    state = out.state
    locations.push(out.location)
  }
  return { state, locations }
}

const migrantWorker: Array<Record<string, string[]>> = [
  { step: ['1'], matter: ['m01'] },
  { step: ['2'], statuses: ['migrant_worker'] },
  { step: ['3'], 'urgent-deadline': ['false'], 'preservation': ['false'] },
]

describe('the questionnaire without JavaScript (POST → 303)', () => {
  it('goes question by question to the result, and counts the screening once completed', () => {
    let state: QuestionnaireState = {}
    const locations: string[] = []
    const completed: unknown[] = []
    for (const f of migrantWorker) {
      const out = submitQuestion(state, cfg, f)
      state = out.state
      locations.push(out.location)
      if (out.completed) completed.push(out.completed)
    }
    expect(locations).toEqual(['/eligibility?step=2', '/eligibility?step=3', RESULT_URL])
    expect(completed).toHaveLength(1)
    const view = questionnaireView(state, cfg, { step: 'result' })
    expect(view.kind).toBe('result')
    if (view.kind === 'result') {
      expect(view.result.outcome).toBe('eligible')
      expect(view.matterLabel).toBe('讨工资、拖欠工钱')
      expect(view.caseCategory).toBe('劳动争议')
    }
  })

  it('sends an unanswered question back to itself with its errors and what was typed', () => {
    const out = submitQuestion({}, cfg, { step: ['1'] })
    expect(out.location).toBe('/eligibility?step=1')
    const view = questionnaireView(out.state, cfg, { step: '1' })
    expect(view.kind === 'question' && view.errors.map(e => e.message)).toEqual(['请回答：您遇到的是什么事？'])
    // the next good answer clears them
    const ok = submitQuestion(out.state, cfg, { step: ['1'], matter: ['m04'] })
    expect(ok.state.qflash).toBeUndefined()
  })

  it('never lets a URL or a form skip an unanswered question', () => {
    expect(submitQuestion({}, cfg, { step: ['3'], 'urgent-deadline': ['false'] }).location).toBe('/eligibility?step=1')
    expect(questionnaireView({}, cfg, { step: '5' })).toMatchObject({ kind: 'question', number: 1, redirect: '/eligibility?step=1' })
    expect(questionnaireView({}, cfg, { step: 'result' })).toMatchObject({ kind: 'question', number: 1, redirect: '/eligibility?step=1' })
  })

  it('a change from "check your answers" goes back there once the path is complete', () => {
    const { state } = walk(migrantWorker)
    const out = submitQuestion(state, cfg, { step: ['3'], 'return': ['check'], 'urgent-deadline': ['true'], 'preservation': ['false'] })
    expect(out.location).toBe(CHECK_ANSWERS_URL)
    // a change that opens new questions asks them first, keeping the way back
    const more = submitQuestion(state, cfg, { step: ['2'], 'return': ['check'], 'statuses': ['none_of_these'] })
    expect(more.location).toBe('/eligibility?step=3&return=check')
  })

  it('keeps the domestic-violence path discreet, also when a link brings the matter in', () => {
    expect(questionnaireView({}, cfg, { matter: 'm03' })).toMatchObject({ kind: 'question', discreet: true, values: { matter: ['m03'] } })
    const { state } = walk([{ step: ['1'], matter: ['m03'] }])
    expect(questionnaireView(state, cfg, { step: '2' }).discreet).toBe(true)
  })
})
