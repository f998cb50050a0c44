// Times of appointments, always on the Yinchuan (Asia/Shanghai) clock.
const dayFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', weekday: 'long' })
const timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })

export const appointmentDay = (at: string) => dayFmt.format(new Date(at))
export const appointmentTime = (startsAt: string, endsAt: string) => `${timeFmt.format(new Date(startsAt))}–${timeFmt.format(new Date(endsAt))}`
