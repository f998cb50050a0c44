import { describe, expect, it } from 'vitest'
import { applicationDraftFromCall, applicationFormValues, applyBodyFromCall, screeningFormFields, screeningFormValues, screeningFromCall, TOPIC_MATTER } from '#shared/domain/hotline/carry-over'
import { CASE_CATEGORIES } from '#shared/domain/cases/taxonomy'
import { withCheckChar } from '#shared/domain/applications/id-number'
import { applyBody } from '#shared/schemas/applications'
import { screeningInput } from '#shared/schemas/eligibility'

const call = { topic: '劳动争议', callerGroups: ['migrant_worker', 'elderly', 'veteran'], summary: '包工头拖欠工资两万元。' }

describe('call → screening input → application body', () => {
  it('reads the call\'s topic as the matter and its ticked groups as statuses', () => {
    expect(screeningFromCall(call)).toEqual({ proceeding: 'civil', matter: 'labor_remuneration', applicantRelation: 'self', person: { statuses: ['migrant_worker', 'veteran'] } })
    expect(screeningFromCall({ ...call, topic: '刑事辩护', callerGroups: [] })).toEqual({ proceeding: 'criminal', matter: 'criminal_defense', applicantRelation: 'self' })
    expect(screeningFromCall({ ...call, topic: '借贷纠纷', callerGroups: [] })).toEqual({ proceeding: 'civil', applicantRelation: 'self' })
    expect(screeningFromCall({ ...call, topic: '法律援助', callerGroups: ['single_mother', 'left_behind'] })).toEqual({ applicantRelation: 'self', person: { statuses: ['single_mother_hardship', 'left_behind'] } })
  })

  it('every prefill the call gives is valid input of the public questionnaire', () => {
    for (const topic of CASE_CATEGORIES) {
      const r = screeningInput.safeParse(screeningFromCall({ ...call, topic }))
      expect(r.success, topic).toBe(true)
    }
    expect(Object.keys(TOPIC_MATTER).every(k => (CASE_CATEGORIES as readonly string[]).includes(k))).toBe(true)
  })

  it('reads the console\'s screening form (plain POST fields) and writes it back for the prefill', () => {
    const fields = { proceeding: ['civil'], matter: ['work_injury'], county: ['helan'], residence: ['rural'], age: ['67'], disability: ['none'], hasFixedIncome: ['no'], statuses: ['migrant_worker'], householdSize: ['3'], monthlyIncome: ['1200.5'], daysToDeadline: [''] }
    const input = screeningFormValues(fields)
    expect(input).toEqual({
      proceeding: 'civil', matter: 'work_injury', applicantRelation: 'self',
      person: { age: 67, disability: 'none', hasFixedIncome: false, statuses: ['migrant_worker'] },
      household: { size: 3, monthlyIncome: 1200.5, county: 'helan', residence: 'rural' },
    })
    expect(screeningInput.parse(input)).toEqual(input)
    const back = screeningFormFields(input)
    expect(screeningFormValues(Object.fromEntries(Object.entries(back).map(([k, v]) => [k, Array.isArray(v) ? v : [v]])))).toEqual(input)
    // Nonsense is left for the schema to refuse in words, never silently dropped.
    expect(screeningInput.safeParse(screeningFormValues({ age: ['七十'] })).success).toBe(false)
    expect(screeningInput.safeParse(screeningFormValues({ county: ['beijing'] })).success).toBe(false)
    expect(screeningFormValues({})).toEqual({ applicantRelation: 'self' })
  })

  it('builds the public application body from the call\'s phone, the screening and what the operator asked', () => {
    const screening = screeningInput.parse({ proceeding: 'civil', matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] }, household: { county: 'xingqing' } })
    const form = applicationFormValues({ name: ['马建国'], idNumber: [withCheckChar('64010419800101123')], address: ['银川市兴庆区某街道 1 号'], matterSummary: applicationDraftFromCall(call).matterSummary.split('\n'), consentProcessing: ['on'] })
    const body = applyBody.parse(applyBodyFromCall({ phone: '13912345678', screening, form }))
    expect(body.applicant.phone).toBe('13912345678')
    expect(body.screening).toEqual({ ...screening, applicantRelation: 'self' })
    expect(body.matterSummary).toBe('包工头拖欠工资两万元。')
    expect(body.consent).toEqual({ processing: true, sensitive: false })
  })

  it('cuts a long call summary to the application\'s limit', () => {
    expect([...applicationDraftFromCall({ summary: '欠'.repeat(1500) }).matterSummary]).toHaveLength(1000)
  })
})
