// 保存网点信息 without JavaScript (with it, the page sends JSON to PUT /api/staff/admin/service-points/:id).
import { servicePointIdParams, updateServicePointBody } from '#shared/schemas/service-point-admin'
import { updateServicePoint } from '~~/server/domain/appointments/service'

const editPath = (id: string | undefined) => `/staff/admin/service-points?edit=${encodeURIComponent(id ?? '')}`

export default defineStaffFormHandler({ form: 'service-point-edit', roles: ['admin'], back: event => editPath(getRouterParam(event, 'id')) }, async ({ event, actor, fields, app }) => {
  const { id } = servicePointIdParams.parse({ id: getRouterParam(event, 'id') })
  const body = updateServicePointBody.parse({
    address: field(fields, 'address') ?? '', phone: field(fields, 'phone') ?? '', openingHours: field(fields, 'openingHours') ?? '',
    accessibility: field(fields, 'accessibility') ?? '', active: field(fields, 'active'),
  })
  const point = await updateServicePoint(appointmentDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
  return { to: editPath(id), notice: `已保存“${point.name}”的信息${point.active ? '' : '（已停用：公众页面不再显示，也不能预约）'}。` }
})
