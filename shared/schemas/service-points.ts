// The service-point finder's filters (issue 9): GET /api/service-points, and the finder page's
// GET form, whose choices are the same lists (shared/domain/appointments/service-points.ts and
// form-input.ts). Empty means any; anything else → 400 with the field's Chinese message.
// Only the route imports this file: the finder page sends the form to the route and shows its
// message, so zod stays out of the page, and these lists out of the booking form's schema chunk.
import { z } from './zod'
import { APPOINTMENT_CHANNEL_CODES, SERVICE_POINT_LEVEL_CODES } from '../domain/appointments/form-input'
import { SERVICE_POINT_AREA_CODES, SERVICE_POINT_SERVICES } from '../domain/appointments/service-points'

const anyOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(v => (v === '' ? undefined : v), z.enum(values, { error: message }).optional())

export const servicePointsQuery = z.object({
  county: anyOf(SERVICE_POINT_AREA_CODES, '区县不正确，请从列表中选择'),
  level: anyOf(SERVICE_POINT_LEVEL_CODES, '网点级别不正确，请从列表中选择'),
  service: anyOf(SERVICE_POINT_SERVICES, '服务项目不正确，请从列表中选择'),
  channel: anyOf(APPOINTMENT_CHANNEL_CODES, '预约方式不正确，请从列表中选择'),
})
export type ServicePointsQuery = z.output<typeof servicePointsQuery>
