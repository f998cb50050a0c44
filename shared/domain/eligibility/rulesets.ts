/**
 * Declarative, data-driven rule sets (military families, veterans, local rules).
 * The engine never names a policy group here: it only evaluates conditions → effects.
 */
import type { MatterCode, ProceedingCode, StatusCode } from '../../schemas/eligibility'
import type { Rule, RuleCondition, RuleSet } from './config'
import { isInForce } from './standards'

export interface RuleFacts {
  statuses: readonly StatusCode[]
  matter: MatterCode | undefined
  proceeding: ProceedingCode
}

export interface RuleHit {
  ruleSet: Pick<RuleSet, 'id' | 'version' | 'title' | 'status' | 'source' | 'note'>
  rule: Rule
}

/** Enabled rule sets in force on `date`, in configuration order. */
export function activeRuleSets(ruleSets: readonly RuleSet[], date: string): RuleSet[] {
  return ruleSets.filter((set) => set.enabled && isInForce(set, date))
}

export function matches(when: RuleCondition, facts: RuleFacts): boolean {
  if (when.statusesAny && !when.statusesAny.some((s) => facts.statuses.includes(s))) return false
  if (when.statusesAll && !when.statusesAll.every((s) => facts.statuses.includes(s))) return false
  if (when.mattersAny && (facts.matter === undefined || !when.mattersAny.includes(facts.matter))) return false
  if (when.proceedingsAny && !when.proceedingsAny.includes(facts.proceeding)) return false
  return true
}

export function evaluateRuleSets(ruleSets: readonly RuleSet[], facts: RuleFacts): RuleHit[] {
  const hits: RuleHit[] = []
  for (const set of ruleSets) {
    const { id, version, title, status, source, note } = set
    for (const rule of set.rules) {
      if (matches(rule.when, facts)) hits.push({ ruleSet: { id, version, title, status, source, note }, rule })
    }
  }
  return hits
}

/** "military_family-1,veteran-1,local-1" or "none". */
export function ruleSetVersions(ruleSets: readonly RuleSet[]): string {
  return ruleSets.length === 0 ? 'none' : ruleSets.map((set) => `${set.id}-${set.version}`).join(',')
}
