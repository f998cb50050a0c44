// Field-level messages from the case editor API (validation issues, PII and statute errors).
import { errorMessage } from '~~/shared/errors'
import { apiErrorCode } from './api-errors'

const PII_MESSAGE = '含有身份证号、电话等个人信息，请删除或匿名化'

export function caseFieldErrors(err: unknown): Record<string, string> {
  const data = (err as { data?: { data?: { issues?: Array<{ path: string, message: string }>, fields?: string[], statuteIds?: string[] } } })?.data?.data
  const out: Record<string, string> = {}
  if (!data) return out
  const code = apiErrorCode(err)
  for (const i of data.issues ?? []) out[i.path.split('.')[0] || 'form'] ??= i.message
  if (code === 'PII_DETECTED') for (const f of data.fields ?? []) out[f.split('.')[0]!] ??= PII_MESSAGE
  if (code === 'UNKNOWN_STATUTE') out.statuteIds = `这些法条编号不存在：${(data.statuteIds ?? []).join('、')}`
  if (code === 'SLUG_TAKEN') out.slug = errorMessage('SLUG_TAKEN')!
  return out
}
