// Anonymous eligibility screening: the answer, and a per-day count by matter and outcome (nothing
// personal is stored). Used by the JSON route and by the one-question-per-page form without
// JavaScript. Administrators: the hardship standards (list, add a version validated against
// overlap), audited. One signature: verbNoun(deps, input, actor?).
import { assertNoOverlap, EligibilityConfigError, isDemoStandard, screen, thresholdFen, type EligibilityConfig } from '../../../shared/domain/eligibility'
import type { FormValues } from '../../../shared/domain/eligibility/question-flow'
import type { ScreeningResultDto } from '../../../shared/types/eligibility'
import { shanghaiDay } from '../../../shared/time/calendar'
import type { Db } from '../../db/client'
import type { HardshipStandardRow } from '../../db/schema'
import { writeAudit } from '../../repositories/audit'
import { bumpScreeningCounter, insertStandard, listStandards, lockStandards } from '../../repositories/eligibility'
import { countyLabels, residenceLabels, type CountyCode, type ResidenceCode, type ScreeningInput } from '../../../shared/schemas/eligibility'
import type { AddStandardBody } from '../../../shared/schemas/hardship-standards'
import type { HardshipStandardAdminDto } from '../../../shared/types/applications'
import { DomainError } from '../errors'
import { auditActorOf, type ActorRef } from '../platform/actor'
import { standardFromRow } from './config-source'
import { questionnaireView, submitQuestion, type QuestionnaireState, type SubmitOutcome, type ViewQuery } from '../forms/questionnaire'
import type { QuestionnaireView } from '../../../shared/types/questionnaire-form'

export interface ScreeningDeps { db: Db, now: () => Date, screeningConfig: (now: Date) => Promise<EligibilityConfig> }

export async function screenEligibility(deps: ScreeningDeps, input: ScreeningInput): Promise<ScreeningResultDto> {
  const now = deps.now()
  const result = screen(input, await deps.screeningConfig(now))
  await bumpScreeningCounter(deps.db, shanghaiDay(now), input.matter ?? 'unknown', result.outcome)
  return result
}

/** The resident's own questionnaire (from the draft) as the page shows it: the current question, or the result. */
export async function viewScreeningQuestionnaire(deps: Pick<ScreeningDeps, 'now' | 'screeningConfig'>, input: { state: QuestionnaireState, query: ViewQuery }): Promise<QuestionnaireView> {
  return questionnaireView(input.state, await deps.screeningConfig(deps.now()), input.query)
}

/** One step of the questionnaire form: the new state and where to go; a completed path is counted. */
export async function answerScreeningQuestion(deps: ScreeningDeps, input: { state: QuestionnaireState, form: FormValues }): Promise<SubmitOutcome> {
  const now = deps.now()
  const out = submitQuestion(input.state, await deps.screeningConfig(now), input.form)
  if (out.completed) await bumpScreeningCounter(deps.db, shanghaiDay(now), out.matter ?? 'unknown', out.completed.outcome)
  return out
}

// ---- administrators: hardship standards ----------------------------------------------------------

export function toStandardAdminDto(r: HardshipStandardRow): HardshipStandardAdminDto {
  const s = standardFromRow(r) as ReturnType<typeof standardFromRow> & { county: CountyCode, residence: ResidenceCode }
  return {
    id: r.id,
    county: r.county,
    countyLabel: countyLabels[s.county] ?? r.county,
    residence: r.residence,
    residenceLabel: residenceLabels[s.residence] ?? r.residence,
    dibaoMonthly: s.dibaoMonthly,
    multiplier: s.multiplier,
    thresholdMonthly: thresholdFen(s) / 100,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    source: r.source,
    note: r.note,
    demo: isDemoStandard(s),
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
  }
}

/** `onChange`: called after a new version commits (the screening config cache drops its copy). */
export interface StandardsDeps { db: Db, ipHash?: string | null, onChange?: () => void }

/** Every version of the hardship standards; reading them is audited. */
export async function listHardshipStandards(deps: StandardsDeps, _input: Record<string, never>, actor: ActorRef): Promise<HardshipStandardAdminDto[]> {
  return deps.db.transaction(async (tx) => {
    const rows = await listStandards(tx)
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'standard.list', objectType: 'hardship_standard', ipHash: deps.ipHash, detail: { count: rows.length } })
    return rows.map(toStandardAdminDto)
  })
}

/** A new version, refused when its id is taken or it overlaps another of its county and residence; audited. */
export async function addHardshipStandard(deps: StandardsDeps, body: AddStandardBody, actor: ActorRef): Promise<HardshipStandardAdminDto> {
  const created = await deps.db.transaction(async (tx) => {
    await lockStandards(tx)
    const existing = (await listStandards(tx)).map(standardFromRow)
    if (existing.some(s => s.id === body.id)) throw new DomainError('STANDARD_ID_TAKEN')
    try {
      assertNoOverlap([...existing, body] as Parameters<typeof assertNoOverlap>[0])
    } catch (e) {
      if (e instanceof EligibilityConfigError) {
        throw new DomainError('STANDARD_OVERLAP')
      }
      throw e
    }
    const row = await insertStandard(tx, { ...body, effectiveTo: body.effectiveTo ?? null, note: body.note ?? null, createdBy: actor.id })
    await writeAudit(tx, { actor: auditActorOf(actor), action: 'standard.create', objectType: 'hardship_standard', objectId: row.id, ipHash: deps.ipHash, detail: { county: body.county, residence: body.residence, effectiveFrom: body.effectiveFrom } })
    return toStandardAdminDto(row)
  })
  deps.onChange?.()
  return created
}
