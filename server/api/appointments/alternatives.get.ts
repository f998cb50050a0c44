import { alternativesQuery } from '../../../shared/schemas/appointments'
import type { SlotAlternativesDto } from '../../../shared/types/appointments'
import { slotAlternatives } from '../../domain/appointments/service'

// A full day is not a dead end: the next free slots and the other channels' next free slot.
export default defineApiHandler(async (event): Promise<SlotAlternativesDto> => {
  const q = await getValidatedQuery(event, alternativesQuery.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return slotAlternatives(appointmentDeps(app), q)
})
