import type { MeDto } from '#shared/types/staff'
import { readOwnAccount } from '~~/server/domain/staff/service'

export default defineApiHandler(async (event): Promise<MeDto> => {
  const actor = await requireStaff(event, undefined, { passwordChangePending: true })
  const app = await useApp()
  return readOwnAccount({ db: app.db }, {}, actor)
})
