/**
 * 法律援助资格测评 rules engine (framework-free; runs in the browser and on the server).
 *
 *   import { parseEligibilityConfig, screen } from '<rel>/shared/domain/eligibility'
 *   const config = parseEligibilityConfig({ now: new Date(), standards: dibaoJson, ruleSets: rulesetsJson })
 *   const result = screen(screeningInput.parse(body), config)
 */
export { screen, ENGINE_VERSION, URGENT_DAYS } from './screen'
export {
  parseEligibilityConfig,
  assertNoOverlap,
  EligibilityConfigError,
  dibaoStandardSchema,
  ruleSetSchema,
  ruleSchema,
  ruleConditionSchema,
  ruleEffectSchema,
  type EligibilityConfig,
  type DibaoStandard,
  type RuleSet,
  type Rule,
  type RuleCondition,
  type RuleEffect,
} from './config'
export {
  selectStandard,
  compareHardship,
  thresholdFen,
  toScreeningDate,
  toStandardDto,
  isDemoStandard,
  DEMO_SOURCE_PREFIX,
  DEMO_STANDARDS_WARNING,
  type HardshipComparison,
} from './standards'
export { activeRuleSets, evaluateRuleSets, matches as ruleMatches, ruleSetVersions, type RuleHit, type RuleFacts } from './rulesets'
export { runMeansTest, findExemptions, ASSISTANCE_STATUSES, YOUFU_CANDIDATE_STATUSES, isYoufuCandidate, type MeansOutcome, type Exemption } from './means-test'
export { criminalScope, mandatoryDefenseItems, needsDutyLawyer, DUTY_LAWYER_SENTENCE, CAPACITY_QUESTION } from './criminal'
export { civilScope, applyRetrial, article31Items, article32Items } from './civil'
export { documentsFor, matterDocuments, statusDocuments, DEATH_REVIEW_DOCUMENTS } from './documents'
export { normalizeFacts, type Facts, type Scope, type ScopeKind } from './facts'
export { laa, cpl, cite, chineseNumber, LEGAL_AID_LAW, MILITARY_PENSION_REG_ART_2 } from './citations'
