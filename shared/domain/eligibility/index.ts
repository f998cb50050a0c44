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
  type HardshipComparison,
} from './standards'
export { activeRuleSets, evaluateRuleSets, matches as ruleMatches, ruleSetVersions, type RuleHit, type RuleFacts } from './rulesets'
export { runMeansTest, findExemptions, ASSISTANCE_STATUSES, type MeansOutcome, type Exemption } from './means-test'
export { criminalScope, mandatoryDefenseItems } from './criminal'
export { civilScope, applyRetrial, article31Items, article32Items } from './civil'
export { documentsFor, matterDocuments, statusDocuments } from './documents'
export { normalizeFacts, type Facts, type Scope, type ScopeKind } from './facts'
export { laa, cite, chineseNumber, LEGAL_AID_LAW } from './citations'
