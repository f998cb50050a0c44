/**
 * 经济困难标准 (法律援助法第三十四条: set by the province and adjusted over time).
 * Ningxia: multiplier × the local urban/rural 最低生活保障 standard, per person per month.
 * All money is compared in integer fen (分) so that "exactly at the threshold" is exact.
 */
import type { CountyCode, ResidenceCode } from '../../schemas/eligibility'
import type { HardshipStandardDto } from '../../types/eligibility'
import type { DibaoStandard } from './config'
import { shanghaiDay } from '../../time/calendar'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The calendar day (Asia/Shanghai, UTC+8 without DST) on which the screening happens. */
export function toScreeningDate(now: Date | string): string {
  if (typeof now === 'string') {
    if (!ISO_DATE.test(now)) throw new RangeError(`screening date must be YYYY-MM-DD, got ${now}`)
    return now
  }
  if (Number.isNaN(now.getTime())) throw new RangeError('screening date is an invalid Date')
  return shanghaiDay(now)
}

export function isInForce(
  period: { effectiveFrom?: string | undefined; effectiveTo?: string | undefined },
  date: string,
): boolean {
  if (period.effectiveFrom !== undefined && period.effectiveFrom > date) return false
  if (period.effectiveTo !== undefined && period.effectiveTo < date) return false
  return true
}

/** The version in force on `date` for the county × residence: the latest effectiveFrom wins. */
export function selectStandard(
  standards: readonly DibaoStandard[],
  county: CountyCode,
  residence: ResidenceCode,
  date: string,
): DibaoStandard | undefined {
  let chosen: DibaoStandard | undefined
  for (const s of standards) {
    if (s.county !== county || s.residence !== residence || !isInForce(s, date)) continue
    if (chosen === undefined || s.effectiveFrom > chosen.effectiveFrom) chosen = s
  }
  return chosen
}

export function toFen(yuan: number): number {
  return Math.round(yuan * 100)
}

export function formatYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2)
}

/** 经济困难标准（分/人/月）. */
export function thresholdFen(standard: DibaoStandard): number {
  return Math.round(toFen(standard.dibaoMonthly) * standard.multiplier)
}

export interface HardshipComparison {
  passed: boolean
  incomeFen: number
  size: number
  /** per capita, rounded to the fen for display only; the decision uses exact arithmetic */
  perCapitaFen: number
  thresholdFen: number
}

/** Hardship when household income / size ≤ threshold, i.e. income ≤ threshold × size (exact). */
export function compareHardship(
  monthlyIncome: number,
  size: number,
  standard: DibaoStandard,
): HardshipComparison {
  const incomeFen = toFen(monthlyIncome)
  const limit = thresholdFen(standard)
  return {
    passed: incomeFen <= limit * size,
    incomeFen,
    size,
    perCapitaFen: Math.round(incomeFen / size),
    thresholdFen: limit,
  }
}

export function toStandardDto(standard: DibaoStandard): HardshipStandardDto {
  return {
    id: standard.id,
    county: standard.county,
    residence: standard.residence,
    dibaoMonthly: standard.dibaoMonthly,
    multiplier: standard.multiplier,
    thresholdMonthly: thresholdFen(standard) / 100,
    effectiveFrom: standard.effectiveFrom,
    source: standard.source,
  }
}

/** Shipped placeholder data is marked with this source prefix. */
export const DEMO_SOURCE_PREFIX = '示例数据'

export function isDemoStandard(standard: DibaoStandard): boolean {
  return standard.source.startsWith(DEMO_SOURCE_PREFIX)
}

/** Shown on EVERY result while any 低保 figure in the configuration is still a placeholder (示例). */
export const DEMO_STANDARDS_WARNING =
  '示例：本平台的低保标准目前是示例数据，尚未录入本地正式公布的标准，测评结果仅供参考，以法律援助机构核实为准。'

/**
 * Whether a placeholder (示例) figure is still the one in force on `date` for some county × urban/rural:
 * then every result carries DEMO_STANDARDS_WARNING. Superseded demo versions no longer count.
 */
export function placeholderInUse(standards: readonly DibaoStandard[], date: string): boolean {
  const places = new Set(standards.map(s => `${s.county}/${s.residence}`))
  for (const place of places) {
    const [county, residence] = place.split('/') as [CountyCode, ResidenceCode]
    const current = selectStandard(standards, county, residence, date)
    if (current !== undefined && isDemoStandard(current)) return true
  }
  return false
}
