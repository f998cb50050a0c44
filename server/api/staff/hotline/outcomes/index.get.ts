import type { OutcomeCodeDto } from '#shared/types/hotline'
import { listOutcomeCodes } from '~~/server/domain/hotline/service'

// The 处理结果 codes (data): the console's choices, the supervisor's labels, the admin's list.
export default defineApiHandler(async (event): Promise<OutcomeCodeDto[]> => {
  await requireStaff(event, ['operator', 'supervisor', 'admin'])
  const app = await useApp()
  return listOutcomeCodes(hotlineDeps(app))
})
