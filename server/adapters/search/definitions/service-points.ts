import { asc, gt, inArray, sql } from 'drizzle-orm'
import { servicePoints, type ServicePoint } from '../../../db/schema'
import type { IndexDefinition, SearchDoc } from '../types'

const LEVEL_LABEL = { city: '市级', county: '县(市)区', township: '乡镇(街道)', village: '村(社区)' } as const

export function toServicePointDoc(p: ServicePoint): SearchDoc {
  return {
    id: p.id, code: p.code, name: p.name, level: p.level, levelLabel: LEVEL_LABEL[p.level],
    county: p.county, address: p.address, services: p.services, isDemo: p.isDemo,
  }
}

export const servicePointsIndex: IndexDefinition = {
  name: 'service_points',
  primaryKey: 'id',
  settings: () => ({
    searchableAttributes: ['name', 'address', 'services', 'levelLabel'],
    filterableAttributes: ['level', 'county'],
    displayedAttributes: ['*'],
  }),
  async loadDocs(db, ids) {
    if (!ids.length) return []
    const rows = await db.select().from(servicePoints).where(inArray(servicePoints.id, ids))
    return rows.map(toServicePointDoc)
  },
  async* loadAll(db, batchSize) {
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const rows = await db.select().from(servicePoints).where(gt(servicePoints.id, after)).orderBy(asc(servicePoints.id)).limit(batchSize)
      if (!rows.length) return
      yield rows.map(toServicePointDoc)
      after = rows[rows.length - 1]!.id
    }
  },
  async count(db) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(servicePoints)
    return row?.n ?? 0
  },
}
