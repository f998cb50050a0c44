export interface HealthDto {
  status: 'ok' | 'degraded' | 'down'
  db: { ok: boolean, driver: 'pglite' | 'pg' }
  search: {
    ok: boolean
    pendingOutbox: number | null
    deadOutbox?: number | null
    /** The in-memory statute ranker: null until its first build (statute search then uses the engine's sub-queries). */
    ranker: { articles: number, knownQuestions: number } | null
  }
}

export interface ServicePointDto {
  id: string
  code: string
  parentId: string | null
  level: 'city' | 'county' | 'township' | 'village'
  name: string
  county: string | null
  address: string
  phone: string
  openingHours: Record<string, string>
  services: string[]
  isDemo: boolean
}
