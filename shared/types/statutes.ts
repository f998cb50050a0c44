// Response DTOs of the editors' statute tools (law status, new versions of a law).

/** An editorial record that a law is not in force (law_status_changes). */
export interface LawStatusDto {
  lawId: string
  lawTitle: string
  status: 'repealed' | 'superseded'
  effectiveDate: string | null
  note: string
  successorLawId: string | null
  successorTitle: string | null
  successorRenumbered: boolean
  source: 'seed' | 'editor' | 'import'
  updatedAt: string
}

export interface ImportLawVersionResult { lawId: string, lawTitle: string, articles: number, superseded: LawStatusDto | null }
