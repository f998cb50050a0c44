import type { HardshipStandardAdminDto } from '#shared/types/applications'
import { listHardshipStandards } from '~~/server/domain/eligibility/service'

export default defineApiHandler(async (event): Promise<HardshipStandardAdminDto[]> => {
  const actor = await requireStaff(event, ['admin'])
  return listHardshipStandards(standardsDeps(event, await useApp()), {}, actor)
})
