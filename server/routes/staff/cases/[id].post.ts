// 保存 a case without JavaScript (with it, the page sends JSON to PUT /api/staff/cases/[id]): same
// schema (with the version the editor saw), same service, then 303 back to the case.
import { caseIdParams, updateCaseBody } from '#shared/schemas/case-editor'
import { caseFormFieldsFromPost, caseFormToValue } from '#shared/domain/cases/case-form'
import { updateDraftOrPublishedCase } from '~~/server/domain/cases/service'

export default defineStaffFormHandler({ form: 'case', roles: ['editor'], back: event => caseEditorPath(event) }, async ({ event, actor, fields }) => {
  const { id } = caseIdParams.parse({ id: getRouterParam(event, 'id') })
  const version = Number(field(fields, 'version') ?? '')
  const body = updateCaseBody.parse({ ...caseFormToValue(caseFormFieldsFromPost(n => fields[n])), version })
  await updateDraftOrPublishedCase(await caseDeps(event), { ...body, id }, actor)
  return { to: caseEditorPath(event), notice: '已保存。' }
})
