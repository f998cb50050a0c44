// Seed steps in order. Domains append their steps here.
import type { SeedStep } from './registry'
import { seedServicePoints } from './service-points'

export const seedSteps: SeedStep[] = [
  seedServicePoints,
]
