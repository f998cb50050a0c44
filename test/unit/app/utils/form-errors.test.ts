import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { serverFieldErrors } from '~~/app/utils/form-errors'
import { issuesToErrors } from '~~/app/utils/form-issues'
import { apiErrorMessage } from '~~/app/utils/api-errors'
import { caseFieldErrors } from '~~/app/utils/case-errors'

/** What $fetch throws for an API error answer. */
const fetchError = (status: number, data: Record<string, unknown>) => ({ statusCode: status, data: { data } })

describe('form errors', () => {
  it('maps zod issues to their field, first message wins', () => {
    const schema = z.object({ id: z.string().min(1, '请填写编号'), tags: z.array(z.string().min(2, '太短')).min(1, '至少一个') })
    const res = schema.safeParse({ id: '', tags: ['a', 'b'] })
    expect(res.success).toBe(false)
    expect(issuesToErrors(res.error!.issues)).toEqual({ id: '请填写编号', tags: '太短' })
    expect(issuesToErrors([{ path: [], message: '整体有误' }])).toEqual({ form: '整体有误' })
  })

  it('maps the API answer: VALIDATION issues by path, and a code tied to a field', () => {
    const validation = fetchError(400, { code: 'VALIDATION', message: '提交的内容有误，请按提示修改', issues: [{ path: 'legal.0', code: 'too_small', message: '请填写法律用语' }] })
    expect(serverFieldErrors(validation)).toEqual({ legal: '请填写法律用语' })
    const taken = fetchError(409, { code: 'LEXICON_ID_TAKEN', message: '这个词条编号已存在' })
    expect(serverFieldErrors(taken, { LEXICON_ID_TAKEN: 'id' })).toEqual({ id: '这个词条编号已存在。' })
    expect(serverFieldErrors(taken)).toEqual({})
  })
})

describe('API error messages from the catalogue', () => {
  it('uses the server sentence for a catalogued code, else the catalogue, else the status', () => {
    expect(apiErrorMessage(fetchError(401, { code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确' }))).toBe('用户名或密码不正确。')
    expect(apiErrorMessage(fetchError(409, { code: 'SLOT_FULL' }))).toBe('该时段已约满，请选择其他时间，或加入候补；也可拨打 12348。')
    expect(apiErrorMessage(fetchError(409, { code: 'SLOT_FULL', message: 'raw english' }))).toBe('该时段已约满，请选择其他时间，或加入候补；也可拨打 12348。')
    expect(apiErrorMessage({ statusCode: 429 })).toMatch(/^操作过于频繁/)
    expect(apiErrorMessage({ statusCode: 502 })).toMatch(/^服务暂时不可用/)
  })
  it('maps the case editor codes to fields', () => {
    expect(caseFieldErrors(fetchError(409, { code: 'SLUG_TAKEN' }))).toEqual({ slug: '这个网址标识已被其他案例使用。' })
    expect(caseFieldErrors(fetchError(400, { code: 'UNKNOWN_STATUTE', statuteIds: ['L1', 'L2'] }))).toEqual({ statuteIds: '这些法条编号不存在：L1、L2' })
    expect(caseFieldErrors(fetchError(400, { code: 'PII_DETECTED', fields: ['facts'] }))).toEqual({ facts: '含有身份证号、电话等个人信息，请删除或匿名化' })
  })
})
