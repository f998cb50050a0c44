// Seed steps in order. Domains append their steps here.
import type { SeedStep } from './registry'
import { seedServicePoints } from './service-points'
import { seedStaff } from './staff'
import { caseSeedSteps } from './cases'
import { seedEligibility } from './eligibility'
import { seedKnownQuestions } from './known-questions'
import { seedAppointments } from './appointments'

export const seedSteps: SeedStep[] = [
  seedServicePoints,
  seedStaff,
  ...caseSeedSteps,
  seedEligibility,
  seedKnownQuestions,
  seedAppointments,
]
