// Admin use cases for hardship standards: list, add a version (validated against overlap), audited.
import type { Db } from '../../db/client'
import type { HardshipStandardRow } from '../../db/schema'
import { writeAudit, type AuditActor } from '../../repositories/audit'
import { insertStandard, listStandards, lockStandards } from '../../repositories/eligibility'
import { assertNoOverlap, EligibilityConfigError, isDemoStandard, thresholdFen } from '../../../shared/domain/eligibility'
import { countyLabels, residenceLabels, type CountyCode, type ResidenceCode } from '../../../shared/schemas/eligibility'
import type { AddStandardBody } from '../../../shared/schemas/hardship-standards'
import type { HardshipStandardAdminDto } from '../../../shared/types/applications'
import type { StaffRole } from '../../../shared/types/staff'
import { DomainError } from '../errors'
import { standardFromRow } from './config-source'

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

export async function listStandardsAudited(db: Db, actor: AuditActor, ipHash: string): Promise<HardshipStandardAdminDto[]> {
  return db.transaction(async (tx) => {
    const rows = await listStandards(tx)
    await writeAudit(tx, { actor, action: 'standard.list', objectType: 'hardship_standard', ipHash, detail: { count: rows.length } })
    return rows.map(toStandardAdminDto)
  })
}

export async function addStandard(db: Db, actor: { id: string, role: StaffRole }, body: AddStandardBody, ipHash: string): Promise<HardshipStandardAdminDto> {
  return db.transaction(async (tx) => {
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
    await writeAudit(tx, { actor, action: 'standard.create', objectType: 'hardship_standard', objectId: row.id, ipHash, detail: { county: body.county, residence: body.residence, effectiveFrom: body.effectiveFrom } })
    return toStandardAdminDto(row)
  })
}
