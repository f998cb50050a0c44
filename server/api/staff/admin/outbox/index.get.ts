import { outboxQuery } from '#shared/schemas/staff'
import type { OutboxEntryDto } from '#shared/types/staff'
import { listOutboxEntries } from '~~/server/domain/outbox/service'

export default defineApiHandler(async (event): Promise<OutboxEntryDto[]> => {
  await requireStaff(event, ['admin'])
  const q = await getValidatedQuery(event, outboxQuery.parse)
  const app = await useApp()
  return listOutboxEntries({ db: app.db }, q)
})
