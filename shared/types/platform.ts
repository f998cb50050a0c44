export interface HealthDto {
  status: 'ok' | 'degraded' | 'down'
  db: { ok: boolean, driver: 'pglite' | 'pg' }
  search: {
    ok: boolean
    pendingOutbox: number | null
    deadOutbox?: number | null
    /** The in-memory statute ranker: null only when it could not be built (articles then come from PostgreSQL's word match). */
    ranker: {
      articles: number
      knownQuestions: number
      /** false while the statute corpus is still loading at start-up (library searches wait for it, up to a bound). */
      complete: boolean
    } | null
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
  /** 无障碍 notes (step-free entrance, lift, sign language …). */
  accessibility: string
  /** What can be booked here: the channels with a schedule (walk_in at this point; online and hotline_callback city-wide). */
  channels: Array<'walk_in' | 'online' | 'hotline_callback'>
  isDemo: boolean
  /** The details that still hold a seeded demo value (示例) no admin has edited yet. */
  demoFields: Array<'address' | 'phone' | 'openingHours' | 'accessibility'>
}

/** A point as admins see it in the staff console: inactive ones too. */
export interface StaffServicePointDto extends ServicePointDto {
  /** Shown to the public and bookable. */
  active: boolean
  updatedAt: string
}
