// Case category → the legal-aid matter the eligibility check starts from (a hint, not a decision).
import type { CaseCategory } from './taxonomy'

const MATTER_OF: Partial<Record<CaseCategory, string>> = {
  劳动争议: 'labor_remuneration',
  工伤: 'work_injury',
  家庭暴力: 'abuse_or_domestic_violence',
  交通事故: 'traffic_accident_injury',
  医疗纠纷: 'medical_accident_injury',
  社会保险: 'social_insurance_or_assistance',
  老年人权益: 'support_payment',
  刑事辩护: 'criminal_defense',
}

export function eligibilityMatterFor(category: string): string | undefined {
  return MATTER_OF[category as CaseCategory]
}
