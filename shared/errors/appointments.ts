// Bookings (issue 9): walk-in visits, online consultations and 12348 callbacks. Every refusal a
// resident can meet leaves a way out (another time, the waitlist, or 12348).
import { defineErrors } from './types'

export const appointmentsErrors = defineErrors({
  SLOT_FULL: { status: 409, message: '该时段已约满，请选择其他时间，或加入候补；也可拨打 12348' },
  SLOT_NOT_FOUND: { status: 404, message: '找不到该预约时段，请刷新后重选' },
  SLOT_CLOSED: { status: 409, message: '该时段已开始、已结束或已停开，请选择其他时间' },
  PHONE_ALREADY_BOOKED: { status: 409, message: '这个电话号码当天已有一个预约。如需改时间，请用预约确认中的链接改期；也可拨打 12348' },
  TOO_MANY_BOOKINGS: { status: 429, message: '预约次数过多，请先办完或取消已有的预约，或拨打 12348 由工作人员为您预约' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '同一个请求编号（Idempotency-Key）已用于另一份预约内容' },
  APPOINTMENT_NOT_FOUND: { status: 404, message: '找不到该预约：请核对预约编号和预约时填写的电话号码，或拨打 12348' },
  MANAGE_LINK_INVALID: { status: 404, message: '这个预约链接无效或已失效，请用预约编号和电话查询，或拨打 12348' },
  APPOINTMENT_NOT_CHANGEABLE: { status: 409, message: '该预约已取消、已办结或时间已到，不能在网上修改；如需帮助请拨打 12348' },
  APPOINTMENT_NOT_CANCELLABLE: { status: 409, message: '该预约已取消、已办结或时间已到，不能在网上取消；如需帮助请拨打 12348' },
  RESCHEDULE_CHANNEL: { status: 400, message: '改期只能选择同一种咨询方式的时段；换方式请取消后重新预约' },
  SAME_SLOT: { status: 400, message: '新的时间和原来的相同' },
  HOLD_EXPIRED: { status: 410, message: '为您保留的名额已过确认时间，已让给下一位候补；可重新预约或拨打 12348' },
  WAITLIST_NOT_NEEDED: { status: 409, message: '这一天还有空余时段，请直接预约' },
  WAITLIST_ALREADY: { status: 409, message: '这个电话号码已在这一天的候补名单上' },
  STATUS_CHANGE_INVALID: { status: 409, message: '该预约当前状态不能这样修改，请刷新后再试' },
  RATING_LINK_INVALID: { status: 404, message: '评价链接无效' },
  RATING_ALREADY_GIVEN: { status: 409, message: '这次服务已经评价过了，谢谢您' },
  SCHEDULE_NOT_FOUND: { status: 404, message: '找不到该排班记录，请刷新' },
  SCHEDULE_CONFLICT: { status: 409, message: '与该服务点同一咨询方式已有的每周排班时间重叠，请修改星期、时间或有效期，或先编辑原有排班' },
  EXTRA_SESSION_CONFLICT: { status: 409, message: '这一天已有同一时间开始的预约时段，或与另一场临时加开时间重叠，请换一个时间' },
  CLOSURE_EXISTS: { status: 409, message: '这一天已登记过同样的停开，无需重复添加' },
})
