/**
 * Engine configuration: versioned 低保 standards, declarative rule sets and the screening date.
 *
 * The data lives in content/eligibility/*.json (later: database tables maintained by admins).
 * `parseEligibilityConfig` validates raw data once (shape + no overlapping standard versions) and
 * returns a typed config; `screen()` trusts a parsed config.
 */
import { z } from 'zod'
import {
  countyCodes,
  matterCodes,
  proceedingCodes,
  residenceCodes,
  statusCodes,
} from '../../schemas/eligibility'

export class EligibilityConfigError extends Error {
  readonly code = 'ELIGIBILITY_CONFIG_INVALID'
  constructor(message: string) {
    super(message)
    this.name = 'EligibilityConfigError'
  }
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine((value) => isRealDate(value), { error: '日期不存在' })

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value
}

/** One 低保 standard version for one county × urban/rural. Money in yuan per person per month. */
export const dibaoStandardSchema = z
  .strictObject({
    id: z.string().min(1),
    county: z.enum(countyCodes),
    residence: z.enum(residenceCodes),
    /** 最低生活保障标准（元/人/月） */
    dibaoMonthly: z.number().positive(),
    /** 经济困难标准 = multiplier × 低保标准 (宁夏: 2) */
    multiplier: z.number().positive().max(10),
    effectiveFrom: isoDate,
    /** Last day in force (inclusive). Omitted: in force until a later version starts. */
    effectiveTo: isoDate.optional(),
    source: z.string().min(1),
    note: z.string().optional(),
  })
  .refine((s) => s.effectiveTo === undefined || s.effectiveTo >= s.effectiveFrom, {
    error: 'effectiveTo 不能早于 effectiveFrom',
  })
export type DibaoStandard = z.output<typeof dibaoStandardSchema>

const legalBasisSchema = z.strictObject({
  law: z.string().min(1),
  article: z.number().int().positive(),
  item: z.number().int().positive().optional(),
  paragraph: z.number().int().positive().optional(),
  statuteId: z.string().optional(),
  note: z.string().optional(),
})

export const ruleConditionSchema = z
  .strictObject({
    statusesAny: z.array(z.enum(statusCodes)).min(1).optional(),
    statusesAll: z.array(z.enum(statusCodes)).min(1).optional(),
    mattersAny: z.array(z.enum(matterCodes)).min(1).optional(),
    proceedingsAny: z.array(z.enum(proceedingCodes)).min(1).optional(),
  })
  .refine((w) => Object.values(w).some((v) => v !== undefined), {
    error: '规则至少需要一个条件',
  })
export type RuleCondition = z.output<typeof ruleConditionSchema>

export const ruleEffectSchema = z.discriminatedUnion('type', [
  /** 免予核查经济困难状况 (only for a matter that is in scope). */
  z.strictObject({ type: z.literal('exemptMeansTest') }),
  /** 法律、法规、规章规定的其他情形 (第三十一条第（九）项 / 第三十二条第（五）项): adds a matter to scope. */
  z.strictObject({ type: z.literal('inScope'), meansTest: z.enum(['required', 'not_required']) }),
  /** 优先受理、优先指派 */
  z.strictObject({ type: z.literal('priority') }),
  /** Only a note shown in the explanation. */
  z.strictObject({ type: z.literal('note') }),
])
export type RuleEffect = z.output<typeof ruleEffectSchema>

export const ruleSchema = z.strictObject({
  id: z.string().min(1),
  when: ruleConditionSchema,
  effect: ruleEffectSchema,
  /** Only citations verified against data/statutes. */
  basis: z.array(legalBasisSchema),
  /** Chinese sentence shown to the person when the rule applies. */
  note: z.string().min(1),
  documents: z.array(z.string().min(1)).optional(),
})
export type Rule = z.output<typeof ruleSchema>

export const ruleSetSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  version: z.string().regex(/^[0-9A-Za-z.]+$/),
  title: z.string().min(1),
  /** `demo`: shipped example policy, to be confirmed by the legal aid centre. */
  status: z.enum(['demo', 'confirmed']),
  enabled: z.boolean(),
  source: z.string().min(1),
  note: z.string().optional(),
  effectiveFrom: isoDate.optional(),
  effectiveTo: isoDate.optional(),
  rules: z.array(ruleSchema),
})
export type RuleSet = z.output<typeof ruleSetSchema>

export interface EligibilityConfig {
  /** Screening date: a Date (converted to the Asia/Shanghai calendar day) or "YYYY-MM-DD". */
  now: Date | string
  standards: readonly DibaoStandard[]
  ruleSets: readonly RuleSet[]
}

/** Validates raw JSON (e.g. content/eligibility/*.json) into an `EligibilityConfig`. */
export function parseEligibilityConfig(raw: {
  now: Date | string
  standards: unknown
  ruleSets: unknown
}): EligibilityConfig {
  const standards = parseOrThrow(z.array(dibaoStandardSchema), raw.standards, '低保标准')
  const ruleSets = parseOrThrow(z.array(ruleSetSchema), raw.ruleSets, '规则集')
  assertUnique(standards.map((s) => s.id), '低保标准 id')
  assertUnique(ruleSets.map((r) => r.id), '规则集 id')
  for (const set of ruleSets) assertUnique(set.rules.map((r) => r.id), `规则集 ${set.id} 的规则 id`)
  assertNoOverlap(standards)
  if (typeof raw.now === 'string' && !isoDate.safeParse(raw.now).success) {
    throw new EligibilityConfigError('测评日期格式应为 YYYY-MM-DD')
  }
  return { now: raw.now, standards, ruleSets }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (!result.success) {
    const first = result.error.issues[0]
    const where = first ? first.path.join('.') : ''
    throw new EligibilityConfigError(`${what}配置无效：${where} ${first?.message ?? ''}`.trim())
  }
  return result.data
}

function assertUnique(ids: string[], what: string): void {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw new EligibilityConfigError(`${what}重复：${id}`)
    seen.add(id)
  }
}

/**
 * Two versions for the same county × residence must not be in force on the same day. A version
 * without `effectiveTo` is superseded by the next version from that version's `effectiveFrom`.
 */
export function assertNoOverlap(standards: readonly DibaoStandard[]): void {
  const groups = new Map<string, DibaoStandard[]>()
  for (const s of standards) {
    const key = `${s.county}/${s.residence}`
    groups.set(key, [...(groups.get(key) ?? []), s])
  }
  for (const [key, list] of groups) {
    const sorted = [...list].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!
      const current = sorted[i]!
      const clash =
        previous.effectiveFrom === current.effectiveFrom ||
        (previous.effectiveTo !== undefined && previous.effectiveTo >= current.effectiveFrom)
      if (clash) {
        throw new EligibilityConfigError(
          `低保标准 ${key} 的版本 ${previous.id} 与 ${current.id} 有效期重叠`,
        )
      }
    }
  }
}
