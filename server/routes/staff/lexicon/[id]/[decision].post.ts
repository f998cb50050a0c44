// 通过 / 驳回 a proposed entry without JavaScript (with it, the page posts to /api/staff/lexicon/[id]/…).
import { lexiconIdParams } from '#shared/schemas/case-editor'
import { DomainError } from '~~/server/domain/errors'
import { approveLexiconEntry, rejectLexiconEntry } from '~~/server/domain/lexicon/service'

export default defineStaffFormHandler({ form: 'lexicon-review', roles: ['editor', 'admin'], back: () => '/staff/lexicon' }, async ({ event, actor }) => {
  const decision = getRouterParam(event, 'decision')
  const { id } = lexiconIdParams.parse({ id: getRouterParam(event, 'id') })
  if (decision === 'approve') {
    const res = await approveLexiconEntry(await lexiconDeps(event), { id }, actor)
    return { to: '/staff/lexicon', notice: res.settingsApplied ? `“${id}”已通过，搜索已生效。` : `“${id}”已通过；搜索设置正在更新，稍后生效。` }
  }
  if (decision === 'reject') {
    await rejectLexiconEntry(await lexiconDeps(event), { id }, actor)
    return { to: '/staff/lexicon', notice: `“${id}”已驳回。` }
  }
  throw new DomainError('LEXICON_NOT_FOUND')
})
