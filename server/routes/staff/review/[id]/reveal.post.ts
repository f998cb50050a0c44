import { applicationIdParams, revealBody } from '#shared/schemas/applications'
import { revealField } from '~~/server/domain/legal-aid/service'

// 显示完整号码 on the review page without JavaScript (issue 8): the same schema and service as
// POST /api/staff/legal-aid/applications/[id]/reveal (a stated purpose, audited as
// application.reveal), then 303 back to the application. The revealed value travels once in the
// sealed staff flash (HttpOnly, path /staff, read and cleared by the next page load), never in the
// address; a refused purpose comes back with its message and what was typed.
const pageOf = (id: string | undefined) => (applicationIdParams.safeParse({ id }).success ? `/staff/review/${id}` : '/staff/review')

export default defineStaffFormHandler(
  { form: 'review-reveal', roles: ['reviewer'], back: event => pageOf(getRouterParam(event, 'id')) },
  async ({ event, actor, fields, app }) => {
    const { id } = applicationIdParams.parse({ id: getRouterParam(event, 'id') })
    const body = revealBody.parse({ field: field(fields, 'field'), purpose: field(fields, 'purpose') ?? '' })
    const revealed = await revealField(legalAidDeps(app, requestIpHash(event, app)), { ...body, id }, actor)
    return { to: pageOf(id), notice: '已显示完整信息，本次查看已记录。', data: { ...revealed } }
  },
)
