import type { CallbackWindowDto } from '#shared/types/hotline'
import { listWindows } from '~~/server/domain/hotline/service'

// Future callback windows (next two weeks) with their free places, for the window picker.
export default defineApiHandler(async (event): Promise<CallbackWindowDto[]> => {
  await requireStaff(event, ['operator'])
  const app = await useApp()
  return listWindows(hotlineDeps(app))
})
