// Error code → Chinese message, for any $fetch error from the portal's API. Reused by every page.
const HOTLINE_HINT = '如果问题持续，请拨打 12348 公共法律服务热线。'

const messages: Record<string, string> = {
  VALIDATION: '提交的内容有误，请按提示修改。',
  BAD_REQUEST: '请求格式有误，请刷新页面后重试。',
  UNAUTHENTICATED: '登录已失效，请重新登录。',
  FORBIDDEN: '您的账号没有此项权限。',
  INVALID_CREDENTIALS: '用户名或密码不正确。',
  ACCOUNT_LOCKED: '登录失败次数过多，请 15 分钟后再试，或联系管理员。',
  TOO_MANY_ATTEMPTS: '该网络登录失败次数过多，请 15 分钟后再试。',
  CROSS_ORIGIN: '请求来源不被允许，请从本站页面操作。',
  PAYLOAD_TOO_LARGE: '提交的内容过大。',
  UNSUPPORTED_MEDIA_TYPE: '提交格式不受支持。',
  USERNAME_TAKEN: '该用户名已被使用。',
  WEAK_PASSWORD: '密码不符合要求：至少 10 个字符，不能过于简单。',
  STAFF_NOT_FOUND: '找不到该账号。',
  CANNOT_DISABLE_SELF: '不能停用自己的账号。',
  CANNOT_CHANGE_OWN_ROLE: '不能修改自己的角色。',
  OUTBOX_NOT_DEAD: '找不到该失败任务，或它已在重试。',
  CONFLICT: '与已有记录冲突。',
}

interface FetchErrorLike { statusCode?: number, status?: number, data?: { data?: { code?: unknown, message?: unknown }, code?: unknown, message?: unknown } }

/** The API's stable error code (`data.data.code` of a $fetch error), if any. */
export function apiErrorCode(err: unknown): string | undefined {
  const e = err as FetchErrorLike | undefined
  const code = e?.data?.data?.code ?? e?.data?.code
  return typeof code === 'string' ? code : undefined
}

/** A Chinese sentence for the user; never shows raw server text that is not meant for users. */
export function apiErrorMessage(err: unknown): string {
  const e = err as FetchErrorLike | undefined
  const code = apiErrorCode(err)
  if (code && messages[code]) return messages[code]
  const serverMessage = e?.data?.data?.message
  if (code && typeof serverMessage === 'string' && /[\u4e00-\u9fff]/.test(serverMessage)) return serverMessage
  const status = e?.statusCode ?? e?.status
  if (status === 429) return `操作过于频繁，请稍后再试。${HOTLINE_HINT}`
  if (status !== undefined && status >= 500) return `服务暂时不可用，请稍后再试。${HOTLINE_HINT}`
  return `操作没有成功，请稍后再试。${HOTLINE_HINT}`
}
