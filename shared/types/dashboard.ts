// The supervisor dashboard: figures of a range of Asia/Shanghai days, computed from the records.
export interface CountDto { key: string, label: string, count: number }

export interface DashboardDto {
  from: string
  to: string
  /** The city plan's targets the charts draw as reference lines. */
  targets: { satisfiedRate: number }
  calls: { total: number, byTopic: CountDto[], byOutcome: CountDto[], byHour: number[], byGroup: CountDto[], toldOfLegalAidRight: number }
  callbacks: { booked: number, done: number, doneInWindow: number, missed: number, open: number }
  screenings: { total: number, byOutcome: CountDto[], byMatter: CountDto[], byGroup: CountDto[] }
  legalAid: { received: number, decided: number, decidedWithin7Days: number, granted: number }
  appointments: { booked: number, attended: number, noShow: number, cancelled: number, byChannel: CountDto[], byLevel: CountDto[] }
  satisfaction: { responses: number, satisfied: number, satisfiedRate: number | null }
}
