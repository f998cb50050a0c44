import { listOperators } from '~~/server/domain/hotline/service'

// Active operators, for handing a callback to a colleague.
export default defineApiHandler(async (event): Promise<Array<{ id: string, name: string }>> => {
  await requireStaff(event, ['operator'])
  const app = await useApp()
  return listOperators(hotlineDeps(app))
})
