import { MARK_LAW_STATUS_FIELDS, markLawStatusFormBody } from '#shared/schemas/statutes'
import { markLawStatus } from '~~/server/domain/statutes/service'

// 标记 a law repealed or superseded without JavaScript (issue 8; with it, the page posts JSON to
// POST /api/staff/statutes/laws/:lawId/status): the same schema, service and audit (law.mark_status),
// then 303 back to /staff/statutes with the notice, or with each field's message and what was typed.
const KIND = { repealed: '已废止', superseded: '已被取代' } as const

export default defineStaffFormHandler({ form: 'statutes-mark', roles: ['editor'], back: () => '/staff/statutes' }, async ({ event, actor, fields }) => {
  const { lawId, ...body } = markLawStatusFormBody.parse(Object.fromEntries(MARK_LAW_STATUS_FIELDS.map(n => [n, field(fields, n)])))
  const r = await markLawStatus(await statuteDeps(event), { ...body, lawId }, actor)
  return { to: '/staff/statutes', notice: `已标记《${r.lawTitle}》${KIND[r.status]}；搜索将不再显示它的条文。` }
})
