// Legal-aid applications and their review (法律援助法).
import { defineErrors } from './types'

export const legalAidErrors = defineErrors({
  APPLICATION_NOT_FOUND: { status: 404, message: '找不到该申请：请核对受理编号和申请时填写的电话号码' },
  VERSION_CONFLICT: { status: 409, message: '该申请刚刚已被其他人处理，请刷新页面查看最新状态' },
  ID_NUMBER_INVALID: { status: 400, message: '身份证号不正确' },
  SENSITIVE_CONSENT_REQUIRED: { status: 400, message: '处理敏感个人信息需要您的单独同意' },
  FIELD_NOT_PRESENT: { status: 404, message: '该申请没有这一项信息' },
  MATERIALS_ALREADY_REQUESTED: { status: 409, message: '补充材料只能一次性告知，本申请已经告知过，不能再次要求' },
  MATERIALS_DEADLINE_PASSED: { status: 409, message: '补充材料的期限已过，申请视为撤回；您可以重新提出申请' },
  REASONS_REQUIRED: { status: 400, message: '不予、终止法律援助和异议审查都应当书面说明理由（至少 10 个字）' },
  OBJECTION_ALREADY_FILED: { status: 409, message: '您已经对这一决定提出过异议，正在审查或已有结果' },
  /** 法律援助法第四十四条、第四十八条: the ground must be one of the items of the article. */
  GROUND_INVALID: { status: 400, message: '请选择法律规定的情形' },
  /** Decisions are deliberate: the confirmation names the reference, and it must be this application's. */
  CONFIRMATION_MISMATCH: { status: 400, message: '确认的受理编号与本申请不一致：请核对受理编号后再确认决定' },
  /** 法律援助法第四十九条: objections are decided by the 司法行政部门, not the centre. */
  OBJECTION_BUREAU_ONLY: { status: 403, message: '异议由设立法律援助机构的司法行政部门审查决定' },
  INVALID_TRANSITION: { status: 409, message: '该申请当前的状态不允许这项操作，请刷新页面查看最新状态' },
})
