/**
 * The booking form's plain constants, without zod, so the browser's booking page loads them
 * without the schema (../../schemas/appointments re-exports them; the page loads the schema
 * itself only when the form is sent).
 */
export const APPOINTMENT_CHANNEL_CODES = ['walk_in', 'online', 'hotline_callback'] as const
export type AppointmentChannelCode = typeof APPOINTMENT_CHANNEL_CODES[number]
export const APPOINTMENT_CHANNEL_LABELS: Record<AppointmentChannelCode, string> = {
  walk_in: '到窗口当面咨询',
  online: '网上视频/电话咨询',
  hotline_callback: '12348 热线回电',
}
export const APPOINTMENT_STATUS_LABELS = {
  booked: '已预约',
  held: '为您保留中，待确认',
  checked_in: '已签到',
  completed: '已办结',
  no_show: '未到场',
  cancelled: '已取消',
} as const
export type AppointmentStatusCode = keyof typeof APPOINTMENT_STATUS_LABELS

export const NOTE_MAX = 500

/** The four levels of service points (the finder and the booking page list them without zod). */
export const SERVICE_POINT_LEVEL_CODES = ['city', 'county', 'township', 'village'] as const
export const SERVICE_POINT_LEVEL_LABELS = { city: '市级中心', county: '县(市)区中心', township: '乡镇(街道)工作站', village: '村(社区)工作室' } as const
