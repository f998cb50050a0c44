/**
 * The supervisor dashboard: the city plan's measures for a range of Asia/Shanghai days, computed by
 * SQL over the records themselves (server/repositories/dashboard.ts), so the figures cannot drift
 * from the records. Labels are added here; nothing personal is read.
 */
import type { Db } from '../../db/client'
import * as repo from '../../repositories/dashboard'
import { writeAudit } from '../../repositories/audit'
import { satisfactionFigures } from '../appointments/service'
import { auditActorOf, type ActorRef } from '../platform/actor'
import { PRIORITY_GROUP_LABELS, type PriorityGroup } from '../../../shared/domain/cases/taxonomy'
import { matterLabels } from '../../../shared/schemas/eligibility'
import type { DayRangeQuery } from '../../../shared/schemas/hotline'
import type { CountDto, DashboardDto } from '../../../shared/types/dashboard'
import { shanghaiDayRange } from '../../../shared/time/calendar'

/** `ipHash`: the hashed address of the request, for the audit. */
export interface DashboardDeps { db: Db, now: () => Date, ipHash?: string | null }

/** 银川市 plan: satisfaction with public legal services at least 90%. */
export const SATISFACTION_TARGET = 0.9

const CHANNEL_LABELS: Record<string, string> = { walk_in: '到窗口', online: '网上咨询', hotline_callback: '12348 回拨' }
const LEVEL_LABELS: Record<string, string> = { city: '市级', county: '县（区）级', township: '乡镇（街道）级', village: '村（社区）级', none: '不在服务点' }
const SCREENING_OUTCOME_LABELS: Record<string, string> = { eligible: '初步符合条件', not_eligible: '初步不符合条件', needs_review: '需要人工审查' }
const MATTER_LABELS: Record<string, string> = { ...matterLabels, unknown: '未选择事项' }

const labelled = (rows: Array<{ key: string, count: number }>, labels: Record<string, string> = {}): CountDto[] =>
  rows.map(r => ({ key: r.key, label: labels[r.key] ?? r.key, count: r.count }))

export async function dashboardFigures(deps: DashboardDeps, range: DayRangeQuery): Promise<Omit<DashboardDto, 'satisfaction'> & { satisfaction: DashboardDto['satisfaction'] }> {
  const r: repo.Range = { from: shanghaiDayRange(range.from).start, to: shanghaiDayRange(range.to).end, fromDay: range.from, toDay: range.to }
  const now = deps.now()
  const [calls, callbacks, screenings, legalAid, appointments, satisfaction] = await Promise.all([
    repo.callFigures(deps.db, r), repo.callbackFigures(deps.db, r, now), repo.screeningFigures(deps.db, r),
    repo.legalAidFigures(deps.db, r), repo.appointmentFigures(deps.db, r), satisfactionFigures(deps, { fromDay: range.from, toDay: range.to }),
  ])
  const groups = PRIORITY_GROUP_LABELS as Record<PriorityGroup, string>
  return {
    from: range.from,
    to: range.to,
    targets: { satisfiedRate: SATISFACTION_TARGET },
    calls: {
      total: calls.total, toldOfLegalAidRight: calls.told, byTopic: labelled(calls.byTopic), byOutcome: calls.byOutcome,
      byHour: calls.byHour, byGroup: labelled(calls.byGroup, groups),
    },
    callbacks,
    screenings: { total: screenings.total, byOutcome: labelled(screenings.byOutcome, SCREENING_OUTCOME_LABELS), byMatter: labelled(screenings.byMatter, MATTER_LABELS), byGroup: labelled(screenings.byGroup, groups) },
    legalAid,
    appointments: { booked: appointments.booked, attended: appointments.attended, noShow: appointments.noShow, cancelled: appointments.cancelled, byChannel: labelled(appointments.byChannel, CHANNEL_LABELS), byLevel: labelled(appointments.byLevel, LEVEL_LABELS) },
    satisfaction,
  }
}

/** The dashboard for a supervisor or admin; the read is audited (who looked at which range). */
export async function readDashboard(deps: DashboardDeps, range: DayRangeQuery, actor: ActorRef): Promise<DashboardDto> {
  const figures = await dashboardFigures(deps, range)
  await writeAudit(deps.db, { actor: auditActorOf(actor), action: 'dashboard.read', objectType: 'dashboard', ipHash: deps.ipHash, detail: { from: range.from, to: range.to } })
  return figures
}
