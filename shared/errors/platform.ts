// Codes every area can meet: validation, request guards, sign-in, generic constraint conflicts.
import { defineErrors } from './types'

export const platformErrors = defineErrors({
  VALIDATION: { status: 400, message: '提交的内容有误，请按提示修改' },
  BAD_REQUEST: { status: 400, message: '请求格式有误，请刷新页面后重试' },
  CONSTRAINT: { status: 400, message: '数据不符合要求' },
  CONFLICT: { status: 409, message: '与已有记录冲突' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '您的账号没有此项权限' },
  CROSS_ORIGIN: { status: 403, message: '请求来源不被允许，请从本站页面操作' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请以 JSON 格式提交' },
  LENGTH_REQUIRED: { status: 411, message: '请求需注明内容长度' },
  BAD_URL: { status: 400, message: '请求地址包含无法识别的字符' },
  BAD_INPUT: { status: 400, message: '提交的内容包含无法识别的字符或层级过深，请检查后重试' },
  INTERNAL: { status: 500, message: '系统暂时出现问题，请稍后再试，或拨打 12348' },
  TOO_MANY_LOOKUPS: { status: 429, message: '查询失败次数过多，请 15 分钟后再试，或拨打 12348 查询' },
  SERVICE_POINT_NOT_FOUND: { status: 400, message: '找不到该服务点，请刷新后重选' },
  SERVICE_POINT_REQUIRED: { status: 400, message: '请选择转介的服务点' },
})
