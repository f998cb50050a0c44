// 新建案例 without JavaScript (with it, the page posts JSON to /api/staff/cases): same schema, same
// service, then 303 to the new draft, or back to the form with the messages and what was typed.
import { createCaseBody } from '#shared/schemas/case-editor'
import { caseFormFieldsFromPost, caseFormToValue } from '#shared/domain/cases/case-form'
import { createDraftCase } from '~~/server/domain/cases/service'

export default defineStaffFormHandler({ form: 'case', roles: ['editor'], back: () => '/staff/cases/new' }, async ({ event, actor, fields }) => {
  const body = createCaseBody.parse(caseFormToValue(caseFormFieldsFromPost(n => fields[n])))
  const created = await createDraftCase(await caseDeps(event), body, actor)
  return { to: `/staff/cases/${created.id}?saved=1` }
})
