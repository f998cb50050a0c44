// 发布 / 撤下 a case without JavaScript (with it, the page posts to /api/staff/cases/[id]/{publish,unpublish}):
// same services, then 303 back to the case with what happened.
import { caseIdParams } from '#shared/schemas/case-editor'
import { DomainError } from '~~/server/domain/errors'
import { publishCase, unpublishCase } from '~~/server/domain/cases/service'

const ACTIONS = {
  publish: { run: publishCase, notice: '已发布：几秒钟后就能在“查法律·看案例”里搜到。' },
  unpublish: { run: unpublishCase, notice: '已撤下：公众不再能看到这个案例。' },
} as const

export default defineStaffFormHandler({ form: 'case', roles: ['editor'], back: event => caseEditorPath(event) }, async ({ event, actor }) => {
  const name = getRouterParam(event, 'action') ?? ''
  const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name as keyof typeof ACTIONS] : undefined
  const { id } = caseIdParams.parse({ id: getRouterParam(event, 'id') })
  if (!action) throw new DomainError('CASE_NOT_FOUND')
  await action.run(await caseDeps(event), { id }, actor)
  return { to: caseEditorPath(event), notice: action.notice }
})
