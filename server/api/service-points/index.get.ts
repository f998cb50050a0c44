import type { ServicePointDto } from '../../../shared/types/platform'
import { listServicePoints } from '../../repositories/service-points'

export default defineApiHandler(async (): Promise<ServicePointDto[]> => {
  const app = await useApp()
  const rows = await listServicePoints(app.db)
  return rows.map(r => ({
    id: r.id, code: r.code, parentId: r.parentId, level: r.level, name: r.name, county: r.county,
    address: r.address, phone: r.phone, openingHours: r.openingHours, services: r.services, isDemo: r.isDemo,
  }))
})
