/**
 * Normalised facts the rules read, and the "scope" a rule module returns: which article brings
 * the matter into legal aid and whether an economic condition applies.
 */
import type {
  ApplicantRelationCode,
  CriminalRoleCode,
  DisabilityCode,
  MatterCode,
  ProceedingCode,
  ScreeningInput,
  StatusCode,
} from '../../schemas/eligibility'
import type { LegalBasisDto } from '../../types/eligibility'

export interface Facts {
  /** Given, or inferred from the matter (criminal_* → criminal, otherwise civil). */
  proceeding: ProceedingCode
  matter: MatterCode | undefined
  applicantRelation: ApplicantRelationCode | undefined
  retrialOrdered: boolean
  age: number | undefined
  disability: DisabilityCode | undefined
  cannotFullyUnderstandConduct: boolean | undefined
  hasFixedIncome: boolean | undefined
  heroMartyrCloseRelative: boolean | undefined
  statuses: readonly StatusCode[]
  household: NonNullable<ScreeningInput['household']>
  criminal: {
    role: CriminalRoleCode | undefined
    hasDefender: boolean | undefined
    possibleLifeOrDeath: boolean
    deathPenaltyReview: boolean
    inAbsentia: boolean
    compulsoryMedical: boolean
  }
  needsAssetPreservation: boolean
  needsEvidencePreservation: boolean
  needsAdvanceExecution: boolean
  daysToDeadline: number | undefined
}

export function normalizeFacts(input: ScreeningInput): Facts {
  const criminalMatter = input.matter === 'criminal_defense' || input.matter === 'criminal_victim'
  const proceeding = input.proceeding ?? (criminalMatter || input.criminal ? 'criminal' : 'civil')
  const person = input.person ?? {}
  const criminal = input.criminal ?? {}
  const urgency = input.urgency ?? {}
  return {
    proceeding,
    matter: input.matter,
    applicantRelation: input.applicantRelation,
    retrialOrdered: input.retrialOrdered === true,
    age: person.age,
    disability: person.disability,
    cannotFullyUnderstandConduct: person.cannotFullyUnderstandConduct,
    hasFixedIncome: person.hasFixedIncome,
    heroMartyrCloseRelative: person.heroMartyrCloseRelative,
    statuses: [...new Set(person.statuses ?? [])],
    household: input.household ?? {},
    criminal: {
      role: criminal.role,
      hasDefender: criminal.hasDefender,
      possibleLifeOrDeath: criminal.possibleLifeOrDeath === true,
      deathPenaltyReview: criminal.deathPenaltyReview === true,
      inAbsentia: criminal.inAbsentia === true,
      compulsoryMedical: criminal.compulsoryMedical === true,
    },
    needsAssetPreservation: urgency.needsAssetPreservation === true,
    needsEvidencePreservation: urgency.needsEvidencePreservation === true,
    needsAdvanceExecution: urgency.needsAdvanceExecution === true,
    daysToDeadline: input.daysToDeadline,
  }
}

export const ADULT_AGE = 18
export const ELDERLY_AGE = 60

export function isMinor(facts: Pick<Facts, 'age'>): boolean {
  return facts.age !== undefined && facts.age < ADULT_AGE
}

export function isDisabled(facts: Pick<Facts, 'disability'>): boolean {
  return facts.disability !== undefined && facts.disability !== 'none'
}

/**
 * - `mandatory`: 通知指派 (第二十五条第一款第（一）至（四）、（六）项、第二十八条), no application, no means test
 * - `on_application`: 通知指派 once the person applies, no means test (第二十五条第一款第（五）项: 死刑复核)
 * - `no_means_test`: in scope without economic condition (第三十二条, or a rule set)
 * - `means_test`: in scope if in economic hardship (第二十四条、第二十九条、第三十一条、第三十三条)
 * - `not_applicable`: the law's own precondition is not met (e.g. already has a defender)
 * - `review`: cannot be decided from the facts / matter not listed: staff review
 */
export type ScopeKind = 'mandatory' | 'on_application' | 'no_means_test' | 'means_test' | 'not_applicable' | 'review'

export interface Scope {
  kind: ScopeKind
  basis: LegalBasisDto[]
  /** One plain Chinese sentence on why the matter is (or is not) covered. */
  summary: string
  /** Facts needed before anything can be said (kind `review`). */
  missing: string[]
  /** Facts that could still turn a negative answer into aid (asked only if the answer is negative). */
  openQuestions: string[]
  warnings: string[]
  /** The matter is not one the law lists: a rule set with an `inScope` effect may add it. */
  matterNotListed: boolean
}

export function scope(kind: ScopeKind, summary: string, parts: Partial<Omit<Scope, 'kind' | 'summary'>> = {}): Scope {
  return {
    kind,
    summary,
    basis: parts.basis ?? [],
    missing: parts.missing ?? [],
    openQuestions: parts.openQuestions ?? [],
    warnings: parts.warnings ?? [],
    matterNotListed: parts.matterNotListed ?? false,
  }
}
