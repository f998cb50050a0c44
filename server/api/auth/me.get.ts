import type { MeDto } from '../../../shared/types/staff'
import { toStaffUserDto } from '../../domain/staff/dto'
import { findStaffById } from '../../repositories/staff'

export default defineApiHandler(async (event): Promise<MeDto> => {
  const actor = await requireStaff(event)
  const app = await useApp()
  const user = await findStaffById(app.db, actor.id)
  if (!user) throw unauthenticatedError()
  return { user: toStaffUserDto(user) }
})
