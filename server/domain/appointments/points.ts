/**
 * Finding a service point: the four levels with what can be booked at each (channels with a
 * schedule: walk-in at the point itself; online consultation and 12348 callbacks are city-wide and
 * offered at every point), filtered by district/county, level, service and channel. Only active
 * points are public.
 *
 * Admins edit a point's details in the staff console (updateServicePoint): address, phone, opening
 * hours, accessibility notes and whether it is active. Audited in the same transaction; a seeded
 * demo value keeps its 示例 mark until an admin edits that field; taking a point out of service
 * withdraws its future free slots (bookings keep their place), putting it back restores them.
 */
import * as points from '../../repositories/service-points'
import { scheduledPairs } from '../../repositories/appointments'
import { writeAudit } from '../../repositories/audit'
import type { ServicePoint } from '../../db/schema'
import { type AppointmentDeps, inTransaction } from './booking'
import { bookingErrors as E } from './errors'
import { channelsByPoint } from './schedule-admin'
import { reconcileSlots } from './slots'
import type { ActorRef } from '../platform/actor'
import { matchesServicePointFilter, openingHoursInWeekOrder } from '../../../shared/domain/appointments/service-points'
import { parseOpeningHoursText, SERVICE_POINT_EDITABLE_FIELDS, type ServicePointEditableField } from '../../../shared/domain/appointments/service-point-details'
import type { ServicePointsQuery } from '../../../shared/schemas/service-points'
import type { UpdateServicePointBody } from '../../../shared/schemas/service-point-admin'
import type { ServicePointDto, StaffServicePointDto } from '../../../shared/types/platform'

type Channels = Map<string | null, ServicePointDto['channels']>

function toDto(r: ServicePoint, channels: Channels): ServicePointDto {
  const cityWide = channels.get(null) ?? []
  return {
    id: r.id, code: r.code, parentId: r.parentId, level: r.level, name: r.name, county: r.county,
    address: r.address, phone: r.phone, openingHours: openingHoursInWeekOrder(r.openingHours), services: r.services, accessibility: r.accessibility,
    channels: r.active ? [...(channels.get(r.id) ?? []), ...cityWide.filter(c => c !== 'walk_in')] : [],
    isDemo: r.isDemo, demoFields: SERVICE_POINT_EDITABLE_FIELDS.filter(f => r.demoFields.includes(f)),
  }
}

const toStaffDto = (r: ServicePoint, channels: Channels): StaffServicePointDto => ({ ...toDto(r, channels), active: r.active, updatedAt: r.updatedAt.toISOString() })

/** The public list (contract: GET /api/service-points): active points only. */
export async function listServicePoints(deps: Pick<AppointmentDeps, 'db'>, q: ServicePointsQuery = {}): Promise<ServicePointDto[]> {
  const [rows, channels] = await Promise.all([points.listServicePoints(deps.db, { activeOnly: true }), channelsByPoint(deps)])
  return rows.map(r => toDto(r, channels)).filter(p => matchesServicePointFilter(p, q))
}

/** Every point, inactive ones too, for the staff console. */
export async function listServicePointsForStaff(deps: Pick<AppointmentDeps, 'db'>): Promise<StaffServicePointDto[]> {
  const [rows, channels] = await Promise.all([points.listServicePoints(deps.db), channelsByPoint(deps)])
  return rows.map(r => toStaffDto(r, channels))
}

/** An admin's edit of a point's details (see the file's comment). */
export async function updateServicePoint(deps: AppointmentDeps, input: UpdateServicePointBody & { id: string }, actor: ActorRef): Promise<StaffServicePointDto> {
  const now = deps.now()
  const row = await inTransaction(deps.db, async (tx) => {
    const before = await points.lockServicePoint(tx, input.id)
    if (!before) throw E.SERVICE_POINT_NOT_FOUND()
    const next = { address: input.address, phone: input.phone, openingHours: parseOpeningHoursText(input.openingHours), accessibility: input.accessibility }
    // jsonb keeps its own key order: the hours compare as sorted entries
    const canonical = (v: unknown) => JSON.stringify(typeof v === 'object' && v ? Object.entries(v).sort() : v)
    const same = (f: ServicePointEditableField) => canonical(before[f]) === canonical(next[f])
    const changed = SERVICE_POINT_EDITABLE_FIELDS.filter(f => !same(f))
    if (!changed.length && before.active === input.active) return before
    const after = await points.updateServicePointDetails(tx, before.id, { ...next, active: input.active, demoFields: before.demoFields.filter(f => !changed.includes(f)) })
    if (before.active !== after.active) {
      // its walk-in (and any other own) schedules: future free slots withdrawn or restored
      for (const p of (await scheduledPairs(tx)).filter(s => s.servicePointId === after.id)) await reconcileSlots({ tx, now: () => now }, p)
    }
    await writeAudit(tx, { actor: { id: actor.id, role: actor.role }, action: 'service_point.update', objectType: 'service_point', objectId: after.id, ipHash: deps.ipHash ?? null, detail: { changed, active: after.active } })
    return after
  })
  return toStaffDto(row, await channelsByPoint(deps))
}
