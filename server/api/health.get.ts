import type { HealthDto } from '#shared/types/platform'
import { checkHealth } from '~~/server/domain/health/service'

export default defineApiHandler(async (event): Promise<HealthDto> => {
  setHeader(event, 'cache-control', 'no-store')
  const body = await checkHealth(await useApp())
  if (body.status === 'down') setResponseStatus(event, 503)
  return body
})
