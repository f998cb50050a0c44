import { outboxQuery } from '#shared/schemas/staff'
import type { OutboxEntryDto } from '#shared/types/staff'
import { toOutboxEntryDto } from '~~/server/domain/staff/dto'
import { listOutbox } from '~~/server/repositories/search-outbox'

export default defineApiHandler(async (event): Promise<OutboxEntryDto[]> => {
  await requireStaff(event, ['admin'])
  const q = await getValidatedQuery(event, outboxQuery.parse)
  const app = await useApp()
  return (await listOutbox(app.db, q.status, q.limit, (q.page - 1) * q.limit)).map(toOutboxEntryDto)
})
