// Seeds hardship standards and rule sets from content/eligibility/*.json. Idempotent: ids already
// in the database are kept (admins add new versions; the seed never overwrites them).
import { parseEligibilityConfig } from '../../shared/domain/eligibility'
import { insertRuleSetsIfAbsent, insertStandardsIfAbsent } from '../repositories/eligibility'
import type { SeedStep } from './registry'
import dibaoStandards from '../../content/eligibility/dibao-standards.json'
import ruleSets from '../../content/eligibility/rulesets.json'

export const seedEligibility: SeedStep = {
  name: 'eligibility',
  demo: false,
  async run(ctx, log) {
    const cfg = parseEligibilityConfig({ now: new Date(), standards: dibaoStandards, ruleSets })
    const added = await ctx.db.transaction(async (tx) => {
      const s = await insertStandardsIfAbsent(tx, cfg.standards.map(st => ({
        id: st.id, county: st.county, residence: st.residence, dibaoMonthly: st.dibaoMonthly, multiplier: st.multiplier,
        effectiveFrom: st.effectiveFrom, effectiveTo: st.effectiveTo ?? null, source: st.source, note: st.note ?? null,
      })))
      const r = await insertRuleSetsIfAbsent(tx, cfg.ruleSets.map((rs, i) => ({ id: rs.id, version: rs.version, definition: rs as unknown as Record<string, unknown>, position: i })))
      return { s, r }
    })
    if (added.s || added.r) log(`seed: ${added.s} hardship standards, ${added.r} eligibility rule sets`)
  },
}
