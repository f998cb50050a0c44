// Appointments at service points and online consultations.
import { defineErrors } from './types'

export const appointmentsErrors = defineErrors({
  SLOT_FULL: { status: 409, message: '该时段已约满，请选择其他时间' },
  SLOT_NOT_FOUND: { status: 400, message: '找不到该预约时段，请刷新后重选' },
  SLOT_CLOSED: { status: 409, message: '该时段已开始或已结束，请选择其他时间' },
  APPOINTMENT_NOT_FOUND: { status: 404, message: '找不到该预约：请核对预约编号和预约时填写的电话号码' },
  APPOINTMENT_NOT_CANCELLABLE: { status: 409, message: '该预约已取消或已办结，无需再取消' },
})
