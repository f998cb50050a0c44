// The resident's booking pages without JavaScript (issue 9): the booking, look-up, reschedule,
// cancel and rating forms are plain HTML posts answered with 303; the manage page (the link in the
// confirmation, the texts and the .ics) and the look-up page are served; and the per-phone limit
// answers 429 TOO_MANY_BOOKINGS with a way out (12348).
import { describe, expect, it } from 'vitest'
import { ApiClient, servers, signedIn } from './helpers/client'

interface Point { id: string, level: string, county: string | null, channels: string[] }
interface Slot { id: string, channel: string, servicePointId: string | null, startsAt: string, endsAt: string, capacity: number, free: number }

let n = 0
const phone = () => `137${String(10_000_000 + ((Date.now() + ++n * 7919) % 89_999_999)).padStart(8, '0')}`
const shanghaiDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' }

describe.each(servers())('booking pages without JavaScript on $name', (server) => {
  const anon = new ApiClient(server.url)
  const html = async (path: string) => {
    const r = await fetch(server.url + path, { headers: { accept: 'text/html' }, redirect: 'manual' })
    return { status: r.status, text: await r.text() }
  }
  const post = (path: string, fields: Record<string, string>) => anon.post(path, form(fields), FORM)

  it('book → 303 to the manage page → reschedule → cancel after confirming; look-up by reference + phone', async () => {
    const points = (await anon.get('/api/service-points?county=helan&level=county')).body as Point[]
    const helan = points[0]!
    const slots = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${helan.id}`)).body as Slot[]
    // From the end of the list: other API files book the first free places at this centre.
    const first = slots.at(-1)!
    const second = slots.findLast(s => shanghaiDay(s.startsAt) !== shanghaiDay(first.startsAt))!
    expect(second).toBeDefined()
    const p = phone()

    // A bad field: back to the form with the field named, and nothing typed in the URL.
    const bad = await post('/forms/appointments/book', { channel: 'walk_in', servicePointId: helan.id, slotId: first.id, name: '马秀兰', phone: '12345', topic: '劳动争议' })
    expect(bad.status).toBe(303)
    const badTo = bad.headers.get('location')!
    expect(badTo).toMatch(/^\/appointments\?/)
    expect(new URL(badTo, server.url).searchParams.get('error')).toBe('VALIDATION')
    expect(new URL(badTo, server.url).searchParams.get('field')).toBe('phone')
    expect(badTo).not.toContain('12345')
    expect(badTo).not.toContain(encodeURIComponent('马秀兰'))
    // What was typed comes back to the form from the encrypted draft cookie.
    expect((await anon.get('/api/appointments/draft')).body).toMatchObject({ slotId: first.id, name: '马秀兰', phone: '12345', topic: '劳动争议' })
    expect((await new ApiClient(server.url).get('/api/appointments/draft')).body).toMatchObject({ name: '', phone: '' })

    const booked = await post('/forms/appointments/book', { channel: 'walk_in', servicePointId: helan.id, slotId: first.id, name: '马秀兰', phone: p, topic: '劳动争议', note: '', requestId: `req-${p}` })
    expect(booked.status).toBe(303)
    const to = booked.headers.get('location')!
    expect(to).toMatch(/^\/appointments\/manage\/[A-Za-z0-9_-]{32}\?booked=1$/)
    expect(to).not.toContain(p)
    const manage = to.split('?')[0]!
    expect((await anon.get('/api/appointments/draft')).body).toMatchObject({ name: '', phone: '' })
    // The same form sent twice (a double click) books once.
    const twice = await post('/forms/appointments/book', { channel: 'walk_in', servicePointId: helan.id, slotId: first.id, name: '马秀兰', phone: p, topic: '劳动争议', requestId: `req-${p}` })
    expect(twice.headers.get('location')).toBe(to)

    const page = await html(to)
    expect(page.status).toBe(200)
    const view = (await anon.get(`/api${manage}`)).body as { reference: string }
    expect(page.text).toContain('预约成功')
    expect(page.text).toContain(view.reference)
    expect(page.text).toContain('贺兰县')
    expect(page.text).toContain(`${manage}/calendar.ics`)
    expect(page.text).not.toContain(p)
    expect(page.text).toContain('name="referrer" content="same-origin"')

    // Reschedule: the week's free times are radios of a form posting to /forms/…/reschedule.
    const step = await html(`${manage}?step=reschedule&from=${shanghaiDay(second.startsAt)}`)
    expect(step.status).toBe(200)
    expect(step.text).toContain(`action="/forms${manage}/reschedule"`)
    expect(step.text).toContain(`value="${second.id}"`)
    const none = await post(`/forms${manage}/reschedule`, {})
    expect(new URL(none.headers.get('location')!, server.url).searchParams.get('field')).toBe('slotId')
    const moved = await post(`/forms${manage}/reschedule`, { slotId: second.id })
    expect(moved.status).toBe(303)
    expect(moved.headers.get('location')).toBe(`${manage}?rescheduled=1`)
    expect(((await anon.get(`/api${manage}`)).body as Slot).startsAt).toBe(second.startsAt)

    // Look-up: a wrong phone and a wrong reference come back the same way; the right pair opens the manage page.
    const wrong = await post('/forms/appointments/lookup', { reference: view.reference, phone: '13900000000' })
    const wrongRef = await post('/forms/appointments/lookup', { reference: 'YY-2026-ZZZZZZ', phone: p })
    expect(wrong.headers.get('location')).toBe('/appointments/lookup?error=APPOINTMENT_NOT_FOUND')
    expect(wrongRef.headers.get('location')).toBe(wrong.headers.get('location'))
    const found = await post('/forms/appointments/lookup', { reference: view.reference.toLowerCase(), phone: p })
    expect(found.headers.get('location')).toBe(manage)
    const lookupPage = await html('/appointments/lookup?error=APPOINTMENT_NOT_FOUND')
    expect(lookupPage.status).toBe(200)
    expect(lookupPage.text).toContain('action="/forms/appointments/lookup"')
    expect(lookupPage.text).toContain('找不到该预约')

    // Cancel: the confirmation step first; without it nothing happens.
    const confirmStep = await html(`${manage}?step=cancel`)
    expect(confirmStep.text).toContain('确定要取消这个预约吗')
    const unconfirmed = await post(`/forms${manage}/cancel`, {})
    expect(new URL(unconfirmed.headers.get('location')!, server.url).searchParams.get('error')).toBe('VALIDATION')
    expect(((await anon.get(`/api${manage}`)).body as { status: string }).status).toBe('booked')
    const cancelled = await post(`/forms${manage}/cancel`, { confirm: 'yes' })
    expect(cancelled.headers.get('location')).toBe(`${manage}?cancelled=1`)
    const after = await html(`${manage}?cancelled=1`)
    expect(after.text).toContain('预约已取消')
    expect(after.text).toContain('重新预约')
    expect((await anon.get(`/api${manage}`)).body).toMatchObject({ status: 'cancelled', changeable: false })
  })

  it('the booking page itself: GET steps for channel, county, point and day are server-rendered, and the form posts to /forms/appointments/book', async () => {
    const start = await html('/appointments')
    expect(start.status).toBe(200)
    expect(start.text).toContain('action="/forms/appointments/book"')
    expect(start.text).toMatch(/<form[^>]*method="get"[^>]*action="\/appointments#times"/)
    expect(start.text).toContain('name="channel"')
    const county = await html('/appointments?channel=walk_in')
    expect(county.text).toContain('2. 选择区县')
    const points = (await anon.get('/api/service-points?county=lingwu')).body as Point[]
    const centre = points.find(p => p.level === 'county')!
    const step = await html('/appointments?channel=walk_in&county=lingwu')
    // The county's centre is chosen first; its days and the first free day's times are in the page.
    expect(step.text).toMatch(new RegExp(`value="${centre.id}"[^>]*selected`))
    const days = (await anon.get(`/api/appointments/days?channel=walk_in&servicePointId=${centre.id}`)).body as Array<{ day: string, capacity: number, free: number, freeSlots: number }>
    const firstFree = days.find(d => d.free > 0)!
    const slots = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${centre.id}&from=${firstFree.day}&to=${firstFree.day}`)).body as Slot[]
    expect(slots.length).toBe(firstFree.freeSlots)
    expect(step.text).toContain(`name="slotId" value="${slots[0]!.id}"`)
    expect(step.text).toContain(`day=${firstFree.day}`)
    expect((await anon.get('/api/appointments/days?channel=walk_in')).status).toBe(400)
  })

  it('without JavaScript, bad input comes back to the form with a Chinese message and what was typed kept (never in the URL); fullwidth digits are converted', async () => {
    const points = (await anon.get('/api/service-points?county=lingwu&level=county')).body as Point[]
    const centre = points[0]!
    const slots = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${centre.id}`)).body as Slot[]
    const s = slots.at(-2)!
    const client = new ApiClient(server.url)
    const send = (fields: Record<string, string>) => client.post('/forms/appointments/book', form({ channel: 'walk_in', servicePointId: centre.id, day: shanghaiDay(s.startsAt), slotId: s.id, name: '马秀兰', topic: '劳动争议', ...fields }), FORM)
    const page = async (location: string) => {
      const r = await client.get(location.replace(/#.*$/, ''), { accept: 'text/html' })
      return r.body as string
    }
    for (const [fields, field, message] of [
      [{ phone: '13800000000', note: 'a\u0000b' }, 'note', '补充说明不能超过 500 字，不能含身份证号或无法识别的字符'],
      [{ phone: '１２３' }, 'phone', '请填写正确的手机号或带区号的固定电话'],
      [{ phone: '13800000000', name: '马\u0000兰' }, 'name', '请填写姓名（汉字或字母）'],
    ] as const) {
      const r = await send(fields)
      expect(r.status).toBe(303)
      const to = r.headers.get('location')!
      const q = new URL(to, server.url).searchParams
      expect([q.get('error'), q.get('field'), q.get('channel'), q.get('day')]).toEqual(['VALIDATION', field, 'walk_in', shanghaiDay(s.startsAt)])
      expect(to).not.toContain(encodeURIComponent('马'))
      expect(to).not.toContain(fields.phone)
      const text = await page(to)
      expect(text).toContain(message)
      expect(text).toMatch(/<title>错误：/)
      expect(text).toMatch(new RegExp(`value="${centre.id}"[^>]*selected`))
      // What was typed is back in the fields (the time too).
      expect(text).toMatch(new RegExp(`name="phone"[^>]*value="${fields.phone}"|value="${fields.phone}"[^>]*name="phone"`))
      expect(text).toMatch(/value="劳动争议"[^>]*selected/)
      expect(text).toMatch(new RegExp(`<input[^>]*checked[^>]*value="${s.id}"|value="${s.id}"[^>]*checked`))
    }
    // A time that does not exist: 404 SLOT_NOT_FOUND's sentence, values kept.
    const unknown = await send({ slotId: '00000000-0000-4000-8000-000000000000', phone: '13800000000' })
    expect(new URL(unknown.headers.get('location')!, server.url).searchParams.get('error')).toBe('SLOT_NOT_FOUND')
    expect(await page(unknown.headers.get('location')!)).toContain('找不到该预约时段')
    // Fullwidth digits (a Chinese keyboard) are read as digits.
    const p = phone()
    const ok = await send({ phone: p.replace(/\d/g, d => String.fromCharCode(0xff10 + Number(d))), requestId: `fw-${p}` })
    expect(ok.headers.get('location')).toMatch(/^\/appointments\/manage\/[A-Za-z0-9_-]{32}\?booked=1$/)
    expect((await client.get('/api/appointments/draft')).body).toMatchObject({ name: '', phone: '' })
  })

  it('a full day is not a dead end: the next free times, the other channels, and its waitlist (without JavaScript)', async () => {
    // A village room: Tuesdays and Thursdays, five half-hour times with one place each.
    const village = ((await anon.get('/api/service-points?county=lingwu&level=village')).body as Point[])[0]!
    const days = (await anon.get(`/api/appointments/days?channel=walk_in&servicePointId=${village.id}`)).body as Array<{ day: string, free: number }>
    const day = days.filter(d => d.free > 0).at(-1)!.day
    const slots = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${village.id}&from=${day}&to=${day}`)).body as Slot[]
    for (const s of slots) {
      const r = await anon.post('/api/appointments', { slotId: s.id, name: '马秀兰', phone: phone(), topic: '劳动争议' })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
    }
    expect(((await anon.get(`/api/appointments/days?channel=walk_in&servicePointId=${village.id}&from=${day}&to=${day}`)).body as Array<{ free: number }>)[0]!.free).toBe(0)

    const where = `channel=walk_in&county=lingwu&servicePointId=${village.id}&day=${day}`
    const full = await html(`/appointments?${where}`)
    expect(full.text).toContain('已约满')
    expect(full.text).toContain('最近还能约的时间')
    expect(full.text).toContain('网上视频/电话咨询：最早')
    expect(full.text).toContain('formaction="/forms/appointments/waitlist"')

    const client = new ApiClient(server.url)
    const join = (fields: Record<string, string>) => client.post('/forms/appointments/waitlist', form({ channel: 'walk_in', servicePointId: village.id, day, name: '马秀兰', topic: '劳动争议', ...fields }), FORM)
    const bad = await join({ phone: '12345' })
    const badTo = bad.headers.get('location')!
    expect(Object.fromEntries(new URL(badTo, server.url).searchParams)).toMatchObject({ error: 'VALIDATION', field: 'phone', form: 'waitlist', day })
    expect(badTo).not.toContain('12345')
    expect((await client.get('/api/appointments/draft')).body).toMatchObject({ name: '马秀兰', phone: '12345', topic: '劳动争议' })
    const p = phone()
    const joined = await join({ phone: p })
    const to = joined.headers.get('location')!
    expect(Object.fromEntries(new URL(to, server.url).searchParams)).toMatchObject({ waitlisted: '1', position: '1', day })
    expect(to).not.toContain(p)
    const page = await html(to.replace(/#.*$/, ''))
    expect(page.text).toContain('候补名单，您排在第 1 位')
    const again = await join({ phone: p })
    expect(new URL(again.headers.get('location')!, server.url).searchParams.get('error')).toBe('WAITLIST_ALREADY')
  })

  it('an unknown manage or rating link is a 404 page that offers the look-up and 12348', async () => {
    const manage = await html('/appointments/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    expect(manage.status).toBe(404)
    expect(manage.text).toContain('预约链接无效')
    expect(manage.text).toContain('/appointments/lookup')
    expect(manage.text).toContain('12348')
    const rate = await html('/appointments/rate/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    expect(rate.status).toBe(404)
    expect(rate.text).toContain('评价链接无效')
    const post404 = await post('/forms/appointments/rate/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { score: '5' })
    expect(post404.headers.get('location')).toBe('/appointments/rate/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?error=RATING_LINK_INVALID')
  })

  it('a fourth active booking of one phone is refused: 429 TOO_MANY_BOOKINGS, offering 12348', async () => {
    const slots = (await anon.get('/api/appointments/slots?channel=online')).body as Slot[]
    const byDay = new Map<string, Slot>()
    for (const s of slots) if (!byDay.has(shanghaiDay(s.startsAt))) byDay.set(shanghaiDay(s.startsAt), s)
    const days = [...byDay.values()]
    expect(days.length).toBeGreaterThanOrEqual(4)
    const p = phone()
    for (const s of days.slice(0, 3)) {
      const r = await anon.post('/api/appointments', { slotId: s.id, name: '马秀兰', phone: p, topic: '劳动争议' })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
    }
    const fourth = await anon.post('/api/appointments', { slotId: days[3]!.id, name: '马秀兰', phone: p, topic: '劳动争议' })
    expect(fourth.status).toBe(429)
    expect(fourth.body.data.code).toBe('TOO_MANY_BOOKINGS')
    expect(fourth.body.data.message).toContain('12348')
  })

  it('a slot that has already begun, sent to the no-JS booking form, is refused: back to the form with SLOT_CLOSED (409 in the catalogue) and its Chinese message; the JSON route answers 409', async () => {
    // A slot of today that began at 00:00 Shanghai time: an admin's one-off session, materialised
    // by the staff day view (which lists the whole day), never offered to residents.
    const admin = await signedIn(server.url, 'admin')
    const point = ((await anon.get('/api/service-points?county=yongning&level=village')).body as Point[])[0]!
    const today = shanghaiDay(new Date().toISOString())
    const extra = await admin.post<{ id: string }>('/api/staff/admin/schedules/extras', { servicePointId: point.id, channel: 'walk_in', day: today, startTime: '00:00', endTime: '00:05', slotMinutes: 5, capacity: 1 })
    expect(extra.status, JSON.stringify(extra.body)).toBe(201)
    try {
      const view = await admin.get<{ slots: Slot[] }>(`/api/staff/appointments/day?date=${today}&channel=walk_in&servicePointId=${point.id}`)
      expect(view.status).toBe(200)
      const past = view.body.slots.find(s => new Date(s.startsAt).getTime() === Date.parse(`${today}T00:00:00+08:00`))!
      expect(past, 'the 00:00 slot of today').toBeDefined()
      expect(new Date(past.startsAt).getTime()).toBeLessThan(Date.now())
      // not offered to residents
      expect(((await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${today}&to=${today}`)).body as Slot[]).map(s => s.id)).not.toContain(past.id)

      const r = await post('/forms/appointments/book', { channel: 'walk_in', servicePointId: point.id, day: today, slotId: past.id, name: '马秀兰', phone: phone(), topic: '劳动争议', requestId: `past-${Date.now()}` })
      expect(r.status).toBe(303)
      const to = new URL(r.headers.get('location')!, server.url)
      expect(to.pathname).toBe('/appointments')
      expect(to.searchParams.get('error')).toBe('SLOT_CLOSED')
      expect(to.search).not.toContain(encodeURIComponent('马秀兰'))
      const page = await anon.get<string>(to.pathname + to.search, { accept: 'text/html' })
      expect(page.body).toContain('该时段已开始、已结束或已停开，请选择其他时间')
      expect(page.body).toContain('value="马秀兰"') // what was typed is kept (from the encrypted draft cookie)

      const json = await anon.post('/api/appointments', { slotId: past.id, name: '马秀兰', phone: phone(), topic: '劳动争议' })
      expect(json.status).toBe(409)
      expect(json.body.data).toMatchObject({ code: 'SLOT_CLOSED', message: '该时段已开始、已结束或已停开，请选择其他时间' })
      // nothing was booked on it
      expect((await admin.get<{ slots: Array<Slot & { appointments: unknown[] }> }>(`/api/staff/appointments/day?date=${today}&channel=walk_in&servicePointId=${point.id}`)).body.slots.find(s => s.id === past.id)!.appointments).toEqual([])
    } finally {
      expect((await admin.delete(`/api/staff/admin/schedules/extras/${extra.body.id}`)).status).toBeLessThan(300)
    }
  })
})
