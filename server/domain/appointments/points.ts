/**
 * Finding a service point: the four levels with what can be booked at each (channels with a
 * schedule: walk-in at the point itself; online consultation and 12348 callbacks are city-wide and
 * offered at every point), filtered by district/county, level, service and channel.
 */
import * as points from '../../repositories/service-points'
import type { AppointmentDeps } from './booking'
import { channelsByPoint } from './schedule-admin'
import { matchesServicePointFilter } from '../../../shared/domain/appointments/service-points'
import type { ServicePointsQuery } from '../../../shared/schemas/service-points'
import type { ServicePointDto } from '../../../shared/types/platform'

export async function listServicePoints(deps: Pick<AppointmentDeps, 'db'>, q: ServicePointsQuery = {}): Promise<ServicePointDto[]> {
  const [rows, channels] = await Promise.all([points.listServicePoints(deps.db), channelsByPoint(deps)])
  const cityWide = channels.get(null) ?? []
  return rows
    .map((r): ServicePointDto => ({
      id: r.id, code: r.code, parentId: r.parentId, level: r.level, name: r.name, county: r.county,
      address: r.address, phone: r.phone, openingHours: r.openingHours, services: r.services, accessibility: r.accessibility,
      channels: [...(channels.get(r.id) ?? []), ...cityWide.filter(c => c !== 'walk_in')],
      isDemo: r.isDemo,
    }))
    .filter(p => matchesServicePointFilter(p, q))
}
