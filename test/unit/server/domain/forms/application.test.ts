import { describe, expect, it } from 'vitest'
import ruleSets from '~~/content/eligibility/rulesets.json'
import { parseEligibilityConfig } from '#shared/domain/eligibility'
import { withCheckChar } from '#shared/domain/applications/id-number'
import { afterSend, applyView, sendFailed, submitApplyStep, type ApplicationState, type Questionnaire } from '~~/server/domain/forms/application'
import { questionnaireView, submitQuestion, type QuestionnaireState } from '~~/server/domain/forms/questionnaire'

const cfg = parseEligibilityConfig({ now: '2026-11-28', standards: [], ruleSets })
const ID = withCheckChar('64010419850615123')
const FULLWIDTH_ID = ID.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0))

/** The questionnaire answered as a migrant worker owed wages (its result goes with the application). */
function answered(): { state: QuestionnaireState, q: Questionnaire } {
  let state: QuestionnaireState = {}
  for (const f of [{ step: ['1'], matter: ['m01'] }, { step: ['2'], statuses: ['migrant_worker'] }, { step: ['3'], 'urgent-deadline': ['false'], 'preservation': ['false'] }]) {
    state = submitQuestion(state, cfg, f).state
  }
  const view = questionnaireView(state, cfg, { step: 'result' })
  return { state, q: view.kind === 'result' ? { result: view } : {} }
}

function walk(q: Questionnaire, forms: Array<Record<string, string[]>>, start: ApplicationState = {}) {
  let state = start
  const locations: string[] = []
  let send: unknown
  for (const f of forms) {
    const out = submitApplyStep(state, q, f)
    state = out.state
    locations.push(out.location)
    send = out.send ?? send
  }
  return { state, locations, send }
}

const self: Array<Record<string, string[]>> = [
  { step: ['who'], 'for-someone': ['false'] },
  { step: ['applicant'], name: ['马建国'], idNumber: [FULLWIDTH_ID], phone: ['13995112345'], address: ['银川市金凤区某小区'] },
  { step: ['matter'], matterSummary: ['在工地干了三个月，包工头拖欠工资一万八千元。'] },
  { step: ['consent'], consentProcessing: ['yes'] },
]

describe('the application form without JavaScript (POST → 303)', () => {
  it('goes step by step to "check your answers", then sends exactly what was checked', () => {
    const { q } = answered()
    const { state, locations } = walk(q, self)
    expect(locations).toEqual(['/legal-aid/apply?step=applicant', '/legal-aid/apply?step=matter', '/legal-aid/apply?step=consent', '/legal-aid/apply?step=check'])
    // fullwidth digits typed without JavaScript are converted on the server, as the page does while typing
    expect(state.a?.idNumber).toBe(ID)

    const check = applyView(state, q, { step: 'check' })
    expect(check.kind).toBe('check')
    if (check.kind !== 'check') return
    const row = (label: string) => check.rows.find(r => r.label === label)
    expect(row('申请人姓名')).toMatchObject({ value: '马建国', href: '/legal-aid/apply?step=applicant&return=check' })
    expect(row('事情经过')?.value).toContain('一万八千元')
    // the questionnaire's answers are listed too, each with its change link back to this page
    expect(check.rows.some(r => r.label.startsWith('自测：') && r.href.endsWith('&return=check'))).toBe(true)

    const out = submitApplyStep(state, q, { step: ['check'] })
    expect(out.location).toBe('/legal-aid/apply?step=done')
    expect(out.send).toMatchObject({ applicant: { name: '马建国', idNumber: ID, phone: '13995112345' }, consent: { processing: true, sensitive: false } })
    expect(out.send?.screening.person?.statuses).toContain('migrant_worker')
  })

  it('sends a step back with its errors and what was typed, and never skips ahead', () => {
    const { q } = answered()
    const first = walk(q, self.slice(0, 1))
    const bad = submitApplyStep(first.state, q, { step: ['applicant'], name: ['马建国'], idNumber: ['640104198506151230'], phone: [''], address: ['银川'] })
    expect(bad.location).toBe('/legal-aid/apply?step=applicant')
    expect(bad.state.a?.name).toBeUndefined()
    const view = applyView(bad.state, q, { step: 'applicant' })
    expect(view.kind).toBe('step')
    if (view.kind !== 'step') return
    expect(view.values.name).toBe('马建国')
    expect(view.errors.map(e => e.name).sort()).toEqual(['idNumber', 'phone'])
    expect(view.errors.find(e => e.name === 'phone')).toMatchObject({ target: 'apply-phone', message: expect.stringMatching(/电话/) })
    // a later step cannot be opened or posted before this one is done
    expect(applyView(bad.state, q, { step: 'consent' })).toMatchObject({ redirect: '/legal-aid/apply?step=applicant' })
    expect(applyView(bad.state, q, { step: 'check' })).toMatchObject({ redirect: '/legal-aid/apply?step=applicant' })
    expect(submitApplyStep(bad.state, q, { step: ['consent'], consentProcessing: ['yes'] }).location).toBe('/legal-aid/apply?step=applicant')
    expect(submitApplyStep(bad.state, q, { step: ['check'] }).send).toBeUndefined()
  })

  it('a change from "check your answers" returns there; applying for someone adds the relative\'s step first', () => {
    const { q } = answered()
    const { state } = walk(q, self)
    const changed = submitApplyStep(state, q, { step: ['matter'], return: ['check'], matterSummary: ['包工头拖欠工资一万八千元，已经半年。'] })
    expect(changed.location).toBe('/legal-aid/apply?step=check')
    const other = submitApplyStep(changed.state, q, { step: ['who'], return: ['check'], 'for-someone': ['true'] })
    expect(other.location).toBe('/legal-aid/apply?step=agent&return=check')
    const agent = submitApplyStep(other.state, q, { step: ['agent'], return: ['check'], 'agent-relation': ['close_relative'], 'agent-infringes': ['false'], 'agentName': ['马小红'], 'agentPhone': ['13995100001'] })
    expect(agent.location).toBe('/legal-aid/apply?step=check')
    const view = applyView(agent.state, q, { step: 'check' })
    expect(view.kind === 'check' && view.rows.find(r => r.label === '您与申请人的关系')?.value).toBe('近亲属')
  })

  it('after sending: the draft and the questionnaire are gone, the confirmation stays; a refusal is shown on the check page', () => {
    const { state: qs, q } = answered()
    const { state } = walk(q, self, qs as ApplicationState)
    const after = afterSend({ ...state } as ApplicationState & Record<string, unknown>, { reference: 'YCFY-2026-000001-ABCDE', receivedDate: '2026-11-28', decisionDue: '2026-12-05', urgent: false })
    expect(Object.keys(after).sort()).toEqual(['adone'])
    expect(applyView(after as ApplicationState, {}, { step: 'done' })).toMatchObject({ kind: 'done', reference: 'YCFY-2026-000001-ABCDE' })
    expect(applyView({}, {}, { step: 'done' })).toMatchObject({ redirect: '/legal-aid/apply?step=who' })

    const failed = sendFailed(state, '请求过于频繁')
    expect(failed.location).toBe('/legal-aid/apply?step=check')
    expect(applyView(failed.state, q, { step: 'check' })).toMatchObject({ kind: 'check', formError: '请求过于频繁' })
  })
})
