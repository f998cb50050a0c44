/**
 * The screening engine's configuration, read from the database (hardship_standards,
 * eligibility_rule_sets) and cached briefly per server instance. Instances are stateless: a
 * change made on one instance reaches the others within CONFIG_TTL_MS; the instance that made the
 * change drops its cache at once.
 */
import type { Db } from '../../db/client'
import type { HardshipStandardRow, RuleSetRow } from '../../db/schema'
import { listRuleSets, listStandards } from '../../repositories/eligibility'
import { parseEligibilityConfig, type EligibilityConfig } from '../../../shared/domain/eligibility'

export const CONFIG_TTL_MS = 60_000

export function standardFromRow(r: HardshipStandardRow) {
  return {
    id: r.id,
    county: r.county,
    residence: r.residence,
    dibaoMonthly: Number(r.dibaoMonthly),
    multiplier: Number(r.multiplier),
    effectiveFrom: r.effectiveFrom,
    ...(r.effectiveTo ? { effectiveTo: r.effectiveTo } : {}),
    source: r.source,
    ...(r.note ? { note: r.note } : {}),
  }
}

/** Validates rows into an engine config for the instant `now`. */
export function configFromRows(standards: HardshipStandardRow[], ruleSets: RuleSetRow[], now: Date): EligibilityConfig {
  return parseEligibilityConfig({ now, standards: standards.map(standardFromRow), ruleSets: ruleSets.map(r => r.definition) })
}

export interface ConfigSource {
  /** The config for `now`, from cache when fresh. */
  get(now: Date): Promise<EligibilityConfig>
  invalidate(): void
}

export function createConfigSource(db: Db, ttlMs = CONFIG_TTL_MS, clock: () => number = Date.now): ConfigSource {
  let cached: { at: number, standards: HardshipStandardRow[], ruleSets: RuleSetRow[] } | undefined
  let loading: Promise<{ standards: HardshipStandardRow[], ruleSets: RuleSetRow[] }> | undefined
  return {
    async get(now) {
      if (!cached || clock() - cached.at > ttlMs) {
        loading ??= (async () => ({ standards: await listStandards(db), ruleSets: await listRuleSets(db) }))()
        try {
          const rows = await loading
          cached = { at: clock(), ...rows }
        } finally {
          loading = undefined
        }
      }
      return configFromRows(cached.standards, cached.ruleSets, now)
    },
    invalidate() {
      cached = undefined
    },
  }
}
