// The 12348 hotline console: calls and callbacks.
import { defineErrors } from './types'

export const hotlineErrors = defineErrors({
  WINDOW_FULL: { status: 409, message: '该回拨时段已约满，请选择其他时段' },
  WINDOW_NOT_FOUND: { status: 400, message: '找不到该回拨时段，请刷新后重选' },
  WINDOW_CLOSED: { status: 409, message: '该回拨时段已开始或已结束，请选择其他时段' },
  CALL_NOT_FOUND: { status: 404, message: '找不到该来电记录' },
  CALLBACK_NOT_FOUND: { status: 404, message: '找不到该回拨预约' },
  CALLBACK_NOT_OPEN: { status: 409, message: '该回拨已处理，请刷新队列' },
  CALLBACK_PHONE_REQUIRED: { status: 400, message: '预约回拨需要填写来电号码' },
  CALLBACK_WINDOW_REQUIRED: { status: 400, message: '请选择回拨时段' },
  OUTCOME_MISMATCH: { status: 400, message: '所选处理结果与填写的回拨时段或服务点不一致' },
  OUTCOME_UNKNOWN: { status: 400, message: '处理结果不存在或已停用，请刷新后重选' },
  OUTCOME_SYSTEM: { status: 400, message: '系统内置的处理结果不能停用，可以修改名称' },
  STALE_EDIT: { status: 409, message: '这条来电记录已被其他人修改，您看到的是旧版本。请载入最新版本后重新修改（您的修改尚未保存）' },
  CALL_RESTRICTED: { status: 403, message: '这是涉及家庭暴力的来电记录，只有经办人员可以查看' },
  ATTEMPTS_EXHAUSTED: { status: 409, message: '该回拨已尝试 3 次，已办结' },
  OUTSIDE_CHOSEN_WINDOW: { status: 409, message: '来电人不宜随时回拨，只能在其选定的时段内回拨' },
  OPERATOR_NOT_FOUND: { status: 400, message: '找不到该坐席，或该账号已停用' },
  CALLBACK_EXISTS: { status: 409, message: '这次来电已经预约了回拨' },
  SCREENING_REQUIRED: { status: 409, message: '请先在这次来电中为来电人做法律援助初筛，再代为提交申请' },
  SCREENING_NOT_FOUND: { status: 404, message: '找不到这次来电中的该次初筛，请刷新后重试' },
  LINK_REFERENCE_NOT_FOUND: { status: 400, message: '找不到这个编号：请核对初筛编号、受理编号或预约编号后再关联' },
  LINK_KIND_MISMATCH: { status: 400, message: '这个编号与所选的类型不符，请改选类型后再关联' },
  LINK_EXISTS: { status: 409, message: '这个编号已经关联到这次来电' },
  CALLER_PHONE_MISSING: { status: 400, message: '这次来电没有留下号码，无法代为提交申请（申请需要联系电话）。可先修改来电记录补上号码，或请来电人到服务点申请' },
})
