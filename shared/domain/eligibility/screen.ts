/**
 * 法律援助资格测评 — the single entry point. Pure: the same input and config give the same result
 * in the browser preview and on the server that records the screening.
 */
import type { ScreeningInput, StatusCode } from '../../schemas/eligibility'
import type { LegalBasisDto, MeansTestResult, ScreeningOutcome, ScreeningResultDto } from '../../types/eligibility'
import { applyRetrial, civilScope } from './civil'
import { laa } from './citations'
import type { EligibilityConfig } from './config'
import { DUTY_LAWYER_BASIS, DUTY_LAWYER_SENTENCE, criminalScope, needsDutyLawyer } from './criminal'
import { documentsFor } from './documents'
import { normalizeFacts, type Facts, type Scope } from './facts'
import { runMeansTest, type MeansOutcome } from './means-test'
import { activeRuleSets, evaluateRuleSets, ruleSetVersions, type RuleHit } from './rulesets'
import { DEMO_STANDARDS_WARNING, placeholderInUse, toScreeningDate, toStandardDto } from './standards'

/** Bump when the engine's rules change (format: engine-YYYY.MM[.n]). */
export const ENGINE_VERSION = '2026.12'

/** 第四十四条第一款第（一）项: 距法定时效或者期限届满不足七日. */
export const URGENT_DAYS = 7

/** 第二十三条: the centre offers consultation by window, phone and network, to everyone. */
const CONSULTATION_SENTENCE =
  '无论测评结果如何，您都可以通过服务窗口、12348 热线或网络免费获得法律咨询，并了解申请法律援助的条件和程序（第二十三条）。'

const POLICY_GROUPS: readonly StatusCode[] = ['single_mother_hardship', 'left_behind']
/** Policy groups of the city plan are not named in the law: no exemption as such. */
const POLICY_GROUP_SENTENCE =
  '单亲困难母亲、留守妇女儿童是本市重点服务对象，但法律没有因这一身份本身免除经济困难审查：追索抚养费、赡养费、扶养费的，按第三十一条第（四）项办理；' +
  '遭受虐待、遗弃或者家庭暴力的，按第三十二条第（四）项办理，不受经济困难条件限制；' +
  '已纳入低保、特困等社会救助的，按第四十二条第（二）项免予核查经济困难状况。'

export function screen(input: ScreeningInput, config: EligibilityConfig): ScreeningResultDto {
  const date = toScreeningDate(config.now)
  const facts = normalizeFacts(input)
  const ruleSets = activeRuleSets(config.ruleSets, date)
  const hits = evaluateRuleSets(ruleSets, {
    statuses: facts.statuses,
    matter: facts.matter,
    proceeding: facts.proceeding,
  })

  const statutory = applyRetrial(facts.proceeding === 'criminal' ? criminalScope(facts) : civilScope(facts), facts)
  const { scope, scopeHits } = applyScopeRules(statutory, hits)

  const means: MeansOutcome | undefined =
    scope.kind === 'means_test' || scope.kind === 'review'
      ? runMeansTest(facts, config.standards, date, hits)
      : undefined
  const meansTest: MeansTestResult = means?.result ?? 'not_required'

  const decided = decide(scope, means)
  const urgency = urgencyOf(facts)
  // 第三十条、刑事诉讼法第三十六条: whatever the outcome or the means, a suspect without a lawyer has the duty lawyer.
  const dutyLawyer = facts.proceeding === 'criminal' && needsDutyLawyer(facts)

  const exemptionHits = (means?.exemptions ?? []).flatMap((e) => (e.kind === 'rule' ? [e.hit] : []))
  const infoHits = hits.filter((h) => h.rule.effect.type === 'priority' || h.rule.effect.type === 'note')
  const appliedHits = [...scopeHits, ...exemptionHits, ...infoHits]

  const basis = dedupeBasis([
    ...scope.basis,
    ...(means?.basis ?? []),
    ...infoHits.flatMap((h) => h.rule.basis),
    ...urgency.basis,
    ...(dutyLawyer ? DUTY_LAWYER_BASIS : []),
    ...(decided.outcome === 'not_eligible'
      ? [laa(49, { note: '对不予法律援助的决定有异议的，可以向设立该法律援助机构的司法行政部门提出' })]
      : []),
    laa(23, { note: '法律援助机构通过服务窗口、电话、网络等方式提供法律咨询，并告知申请法律援助的条件和程序' }),
  ])

  const explanation = [
    scope.summary,
    means?.summary,
    ...[...scopeHits, ...infoHits].map((h) => h.rule.note),
    outcomeSentence(decided.outcome, decided.mandatory, scope.kind),
    dutyLawyer ? DUTY_LAWYER_SENTENCE : undefined,
    urgency.sentence,
    facts.statuses.some((s) => POLICY_GROUPS.includes(s)) ? POLICY_GROUP_SENTENCE : undefined,
    CONSULTATION_SENTENCE,
  ]
    .filter((s): s is string => s !== undefined && s !== '')
    .join('')

  const warnings = [
    // 示例 warning on every result while any 低保 figure is a placeholder.
    ...(placeholderInUse(config.standards, date) ? [DEMO_STANDARDS_WARNING] : []),
    ...scope.warnings,
    ...(means?.warnings ?? []),
    ...demoRuleSetWarnings(appliedHits),
  ]

  const result: ScreeningResultDto = {
    outcome: decided.outcome,
    meansTest,
    mandatoryAppointment: decided.mandatory,
    basis,
    documents: documentsFor({
      facts,
      scopeKind: scope.kind,
      meansTest,
      exemptions: means?.exemptions ?? [],
      hits: appliedHits,
      urgent: urgency.urgent,
    }),
    urgent: urgency.urgent,
    ruleVersion: `engine-${ENGINE_VERSION};std-${means?.standard?.id ?? 'none'};rs-${ruleSetVersions(ruleSets)}`,
    explanation,
    missing: [...new Set(decided.missing)],
    consultationOffered: true,
    pledgeAllowed: meansTest === 'passed' || meansTest === 'unknown',
  }
  if (means?.standard !== undefined) result.standard = toStandardDto(means.standard)
  if (warnings.length > 0) result.warnings = [...new Set(warnings)]
  return result
}

/** A matter the law does not list may be added by a rule set (第三十一条第（九）项、第三十二条第（五）项). */
function applyScopeRules(current: Scope, hits: readonly RuleHit[]): { scope: Scope; scopeHits: RuleHit[] } {
  if (current.kind !== 'review' || !current.matterNotListed) return { scope: current, scopeHits: [] }
  const inScope = hits.filter((h) => h.rule.effect.type === 'inScope')
  if (inScope.length === 0) return { scope: current, scopeHits: [] }
  const free = inScope.filter((h) => h.rule.effect.type === 'inScope' && h.rule.effect.meansTest === 'not_required')
  const used = free.length > 0 ? free : inScope
  return {
    scope: {
      ...current,
      kind: free.length > 0 ? 'no_means_test' : 'means_test',
      basis: used.flatMap((h) => h.rule.basis),
      summary: '',
      missing: [],
      matterNotListed: false,
    },
    scopeHits: used,
  }
}

function decide(
  scope: Scope,
  means: MeansOutcome | undefined,
): { outcome: ScreeningOutcome; mandatory: boolean; missing: string[] } {
  switch (scope.kind) {
    case 'mandatory':
      return { outcome: 'eligible', mandatory: true, missing: [] }
    case 'on_application':
    case 'no_means_test':
      return { outcome: 'eligible', mandatory: false, missing: [] }
    case 'not_applicable':
      return { outcome: 'not_eligible', mandatory: false, missing: [] }
    case 'review':
      // A civil matter the law does not list (not in arts. 31, 32) whose means test FAILS with no
      // exemption and nothing left that could exempt: the "other situations" of 31(9) still need
      // hardship, so the answer is no (with free consultation, art. 23), not a review.
      if (scope.matterNotListed && means?.result === 'failed' && means.openQuestions.length === 0) {
        return { outcome: 'not_eligible', mandatory: false, missing: [] }
      }
      return {
        outcome: 'needs_review',
        mandatory: false,
        missing: [
          ...scope.missing,
          ...(means?.missing ?? []),
          ...(means?.result === 'failed' || means?.result === 'unknown' ? means.openQuestions : []),
        ],
      }
    case 'means_test': {
      const result = means?.result ?? 'unknown'
      if (result === 'passed' || result === 'exempt') return { outcome: 'eligible', mandatory: false, missing: [] }
      const open = [...scope.openQuestions, ...(means?.openQuestions ?? [])]
      if (result === 'failed') {
        return open.length > 0
          ? { outcome: 'needs_review', mandatory: false, missing: open }
          : { outcome: 'not_eligible', mandatory: false, missing: [] }
      }
      return { outcome: 'needs_review', mandatory: false, missing: [...(means?.missing ?? []), ...open] }
    }
  }
}

function outcomeSentence(outcome: ScreeningOutcome, mandatory: boolean, kind: Scope['kind']): string {
  if (mandatory) return '测评结果：属于应当通知指派律师的情形，不需要申请。'
  if (kind === 'on_application') {
    return '测评结果：需要提出申请；申请后，人民法院应当通知法律援助机构指派律师，不审查经济状况。请带上下列材料尽快申请。'
  }
  switch (outcome) {
    case 'eligible':
      return '测评结果：初步符合法律援助条件。请携带下列材料提出申请，法律援助机构应当自收到申请之日起七日内作出决定（第四十三条）。'
    case 'not_eligible':
      return '测评结果：按您提供的情况，暂不符合法律援助条件。正式决定由法律援助机构作出；对不予法律援助的决定有异议的，可以向设立该机构的司法行政部门提出（第四十九条）。'
    case 'needs_review':
      return '测评结果：需要补充信息或由法律援助机构审查后才能确定。'
  }
}

function urgencyOf(facts: Facts): { urgent: boolean; basis: LegalBasisDto[]; sentence: string | undefined } {
  const basis: LegalBasisDto[] = []
  if (facts.daysToDeadline !== undefined && facts.daysToDeadline < URGENT_DAYS) {
    basis.push(laa(44, { paragraph: 1, item: 1, note: '距法定时效或者期限届满不足七日' }))
  }
  if (facts.needsAssetPreservation || facts.needsEvidencePreservation || facts.needsAdvanceExecution) {
    basis.push(laa(44, { paragraph: 1, item: 2, note: '需要立即申请财产保全、证据保全或者先予执行' }))
  }
  if (basis.length === 0) return { urgent: false, basis, sentence: undefined }
  return {
    urgent: true,
    basis,
    sentence:
      '您的情况紧急，法律援助机构可以决定先行提供法律援助，之后再补办手续、补充材料（第四十四条）；请尽快到窗口或拨打 12348。',
  }
}

function demoRuleSetWarnings(hits: readonly RuleHit[]): string[] {
  return hits
    .filter((h) => h.ruleSet.status === 'demo')
    .map((h) => `“${h.ruleSet.title}”为演示用可配置政策（来源：${h.ruleSet.source}），须由法律援助中心核实确认。`)
}

function dedupeBasis(list: readonly LegalBasisDto[]): LegalBasisDto[] {
  const seen = new Set<string>()
  const out: LegalBasisDto[] = []
  for (const b of list) {
    const key = `${b.law}|${b.article}|${b.paragraph ?? ''}|${b.item ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(b)
  }
  return out
}
