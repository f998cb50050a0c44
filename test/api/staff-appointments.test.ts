// The staff side of bookings (issue 9) against the built portal: the admin schedule routes (rules,
// closures, extra sessions: audited, conflicts → 409 in Chinese) and their no-JavaScript form; the
// day view per point and channel, the audited reveal, check-in / completed / no-show, also as a
// plain form post (303 back to the day view).
import { describe, expect, it } from 'vitest'
import { addDays, isoWeekday, isWorkingDay, shanghaiDay } from '../../shared/time/calendar'
import { ApiClient, servers, signedIn } from './helpers/client'

interface Point { id: string, level: string, name: string }
let n = 0
const phone = () => `136${String(10_000_000 + ((Date.now() + ++n * 7919) % 89_999_999)).padStart(8, '0')}`
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
const form = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString()

/** The first ordinary working Monday at least `from` days ahead (weekly rules apply, not a 调休 day). */
function workingMonday(from: number): string {
  for (let d = addDays(shanghaiDay(new Date()), from); ; d = addDays(d, 1)) if (isoWeekday(d) === 1 && isWorkingDay(d)) return d
}

describe.each(servers())('staff appointments on $name', (server) => {
  const anon = new ApiClient(server.url)

  it('admins edit schedules: audited, validated, conflicts 409 with a Chinese message, others refused', async () => {
    const admin = await signedIn(server.url, 'admin')
    const op = await signedIn(server.url, 'operator1')
    const points = (await anon.get('/api/service-points?level=county')).body as Point[]
    const point = points.at(-1)!
    const rule = { servicePointId: point.id, channel: 'walk_in', weekdays: [1, 3], startTime: '18:00', endTime: '19:00', slotMinutes: 30, capacity: 2 }
    expect((await anon.post('/api/staff/admin/schedules/rules', rule)).status).toBe(401)
    expect((await op.post('/api/staff/admin/schedules/rules', rule)).status).toBe(403)
    const bad = await admin.post('/api/staff/admin/schedules/rules', { ...rule, endTime: '17:00' })
    expect(bad.status).toBe(400)
    expect(bad.body.data.issues[0].path).toBe('endTime')

    const created = await admin.post('/api/staff/admin/schedules/rules', rule)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.id as string
    // The demo rule (weekdays 09:00-12:00) and the new one: overlapping hours on a shared day → 409.
    const clash = await admin.post('/api/staff/admin/schedules/rules', { ...rule, weekdays: [3, 5], startTime: '18:30', endTime: '20:00' })
    expect(clash.status).toBe(409)
    expect(clash.body.data.code).toBe('SCHEDULE_CONFLICT')
    expect(clash.body.data.message).toMatch(/周一、三 18:00–19:00.*重叠/)
    const morning = await admin.post('/api/staff/admin/schedules/rules', { ...rule, weekdays: [2], startTime: '11:00', endTime: '12:30' })
    expect(morning.body.data?.code).toBe('SCHEDULE_CONFLICT')
    // Editing a rule does not conflict with itself; moving it onto Saturday is fine.
    expect((await admin.put(`/api/staff/admin/schedules/rules/${id}`, { ...rule, endTime: '19:30' })).status).toBe(200)
    const monday = workingMonday(3)
    const slots = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${monday}&to=${monday}`)).body as Array<{ startsAt: string }>
    expect(slots.some(s => s.startsAt === new Date(`${monday}T19:00:00+08:00`).toISOString())).toBe(true)

    // Closures: one per point, channel and day; a second is a 409.
    const day = addDays(monday, 7)
    const closure = { servicePointId: point.id, channel: 'walk_in', day, reason: '设备检修' }
    const c1 = await admin.post('/api/staff/admin/schedules/closures', closure)
    expect(c1.status).toBe(201)
    expect((await admin.post('/api/staff/admin/schedules/closures', closure)).body.data?.code).toBe('CLOSURE_EXISTS')
    // Extra sessions: one starting with a rule slot (09:00 on a working Monday) or overlapping another → 409.
    const extra = { servicePointId: point.id, channel: 'walk_in', day: monday, startTime: '09:00', endTime: '10:00', slotMinutes: 60, capacity: 1 }
    const e1 = await admin.post('/api/staff/admin/schedules/extras', extra)
    expect(e1.status).toBe(409)
    expect(e1.body.data.code).toBe('EXTRA_SESSION_CONFLICT')
    const saturday = addDays(monday, 5)
    const e2 = await admin.post('/api/staff/admin/schedules/extras', { ...extra, day: saturday, startTime: '14:00', endTime: '16:00' })
    expect(e2.status).toBe(201)
    expect((await admin.post('/api/staff/admin/schedules/extras', { ...extra, day: saturday, startTime: '15:00', endTime: '17:00' })).body.data?.code).toBe('EXTRA_SESSION_CONFLICT')

    const listed = (await admin.get(`/api/staff/admin/schedules?servicePointId=${point.id}`)).body
    expect(listed.rules.some((r: { id: string, endTime: string }) => r.id === id && r.endTime === '19:30')).toBe(true)
    expect((await admin.delete(`/api/staff/admin/schedules/extras/${e2.body.id}`)).status).toBe(200)
    expect((await admin.delete(`/api/staff/admin/schedules/closures/${c1.body.id}`)).status).toBe(200)
    expect((await admin.delete(`/api/staff/admin/schedules/rules/${id}`)).status).toBe(200)
    expect((await admin.delete(`/api/staff/admin/schedules/rules/${id}`)).status).toBe(404)
    const audit = (await admin.get('/api/staff/admin/audit?action=schedule.create&limit=100')).body.items as Array<{ objectId: string }>
    expect(audit.some(a => a.objectId === id)).toBe(true)
    const removed = (await admin.get('/api/staff/admin/audit?action=schedule.delete&limit=100')).body.items as Array<{ objectId: string }>
    expect(removed.some(a => a.objectId === id)).toBe(true)
  })

  it('the schedule forms work without JavaScript: 303 back with the result or the error code; same-origin only', async () => {
    const admin = await signedIn(server.url, 'admin')
    const point = ((await anon.get('/api/service-points?level=county')).body as Point[]).at(-2)!
    const fields: Array<[string, string]> = [['action', 'rule-save'], ['returnPoint', point.id], ['servicePointId', point.id], ['channel', 'walk_in'],
      ['weekdays', '6'], ['weekdays', '7'], ['startTime', '14:00'], ['endTime', '16:00'], ['slotMinutes', '60'], ['capacity', '1'], ['validFrom', ''], ['validTo', '']]
    expect((await anon.req('POST', '/forms/staff/schedules', form(fields), FORM)).status).toBe(401)
    const ok = await admin.req('POST', '/forms/staff/schedules', form(fields), FORM)
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe(`/staff/admin/schedules?servicePointId=${point.id}&done=rule-save`)
    const again = await admin.req('POST', '/forms/staff/schedules', form(fields), FORM)
    expect(again.headers.get('location')).toMatch(/error=SCHEDULE_CONFLICT&form=rule-save$/)
    const invalid = await admin.req('POST', '/forms/staff/schedules', form(fields.map(([k, v]) => [k, k === 'endTime' ? '13:00' : v])), FORM)
    expect(invalid.headers.get('location')).toMatch(/error=VALIDATION&field=endTime&form=rule-save$/)
    expect((await admin.req('POST', '/forms/staff/schedules', form(fields), { ...FORM, origin: 'https://evil.example' })).status).toBe(403)
    // With JavaScript: the same form answers { location }.
    const rules = (await admin.get(`/api/staff/admin/schedules?servicePointId=${point.id}`)).body.rules as Array<{ id: string, weekdays: number[] }>
    const mine = rules.find(r => r.weekdays.join() === '6,7')!
    const del = await admin.req('POST', '/forms/staff/schedules', form([['action', 'rule-delete'], ['id', mine.id], ['returnPoint', point.id]]), { ...FORM, accept: 'application/json' })
    expect(del.status).toBe(200)
    expect(del.body).toEqual({ location: `/staff/admin/schedules?servicePointId=${point.id}&done=rule-delete` })
  })

  it('the day view per point and channel: masked, audited reveal with a purpose, check-in / completed / no-show (also without JavaScript)', async () => {
    const admin = await signedIn(server.url, 'admin')
    const op = await signedIn(server.url, 'operator1')
    const point = ((await anon.get('/api/service-points?level=township')).body as Point[]).at(-1)!
    const day = addDays(workingMonday(3), 12) // a Saturday; township rules (if a 调休 day) end at 12:00
    const extra = await admin.post('/api/staff/admin/schedules/extras', { servicePointId: point.id, channel: 'walk_in', day, startTime: '13:00', endTime: '14:00', slotMinutes: 60, capacity: 3 })
    expect(extra.status, JSON.stringify(extra.body)).toBe(201)
    const [slot] = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${day}&to=${day}`)).body as Array<{ id: string }>
    const phones = [phone(), phone()]
    for (const p of phones) expect((await op.post('/api/staff/appointments', { slotId: slot!.id, name: '马秀兰', phone: p, topic: '婚姻家庭' })).status).toBe(201)

    const q = `/api/staff/appointments/day?channel=walk_in&servicePointId=${point.id}&date=${day}`
    expect((await anon.get(q)).status).toBe(401)
    expect((await op.get(`/api/staff/appointments/day?channel=walk_in&date=${day}`)).status).toBe(400) // walk-in needs a point
    const view = (await op.get(q)).body
    const s = view.slots.find((x: { id: string }) => x.id === slot!.id)
    expect(s.capacity).toBe(3)
    expect(s.free).toBe(1)
    expect(s.appointments).toHaveLength(2)
    expect(JSON.stringify(view)).not.toContain(phones[0])
    expect(JSON.stringify(view)).not.toContain('马秀兰')
    const [first, second] = s.appointments as Array<{ id: string, reference: string, phoneMasked: string }>

    const reveal = `/api/staff/appointments/${first!.id}/reveal`
    expect((await anon.post(reveal, { purpose: '电话联系预约人' })).status).toBe(401)
    expect((await op.post(reveal, {})).status).toBe(400)
    expect((await op.post(reveal, { purpose: '看看' })).status).toBe(400)
    const shown = await op.post(reveal, { purpose: '电话联系预约人改期' })
    expect(shown.status).toBe(200)
    expect(shown.body).toEqual({ id: first!.id, name: '马秀兰', phone: expect.stringMatching(/^136\d{8}$/) })
    expect(phones).toContain(shown.body.phone)
    const reads = (await admin.get('/api/staff/admin/audit?action=appointment.reveal&limit=100')).body.items as Array<{ objectId: string, purpose: string }>
    expect(reads.find(a => a.objectId === first!.id)?.purpose).toBe('电话联系预约人改期')

    // Check-in then completed through the API; a second check-in is refused.
    expect((await op.post(`/api/staff/appointments/${first!.id}/outcome`, { status: 'checked_in' })).body.status).toBe('checked_in')
    expect((await op.post(`/api/staff/appointments/${first!.id}/outcome`, { status: 'checked_in' })).body.data?.code).toBe('STATUS_CHANGE_INVALID')
    expect((await op.post(`/api/staff/appointments/${first!.id}/outcome`, { status: 'completed' })).body.status).toBe('completed')

    // The same without JavaScript: a form post, 303 back to the same day view with the result.
    const back = `/staff/appointments?date=${day}&channel=walk_in&servicePointId=${point.id}`
    const noshow = await op.req('POST', '/forms/staff/appointments/outcome', form([['id', second!.id], ['status', 'no_show'], ['back', back]]), FORM)
    expect(noshow.status).toBe(303)
    expect(noshow.headers.get('location')).toBe(`${back}&done=no_show&ref=${second!.reference}`)
    const twice = await op.req('POST', '/forms/staff/appointments/outcome', form([['id', second!.id], ['status', 'no_show'], ['back', back]]), FORM)
    expect(twice.headers.get('location')).toBe(`${back}&error=STATUS_CHANGE_INVALID`)
    const offsite = await op.req('POST', '/forms/staff/appointments/outcome', form([['id', second!.id], ['status', 'bogus'], ['back', '//evil.example/x']]), FORM)
    expect(offsite.headers.get('location')).toMatch(/^\/staff\/appointments\?error=VALIDATION/)
    expect((await anon.req('POST', '/forms/staff/appointments/outcome', form([['id', second!.id], ['status', 'no_show']]), FORM)).status).toBe(401)
    const after = (await op.get(q)).body.slots.find((x: { id: string }) => x.id === slot!.id).appointments as Array<{ id: string, status: string }>
    expect(after.map(a => a.status).sort()).toEqual(['completed', 'no_show'])
    const marks = (await admin.get('/api/staff/admin/audit?action=appointment.no_show&limit=100')).body.items as Array<{ objectId: string }>
    expect(marks.some(a => a.objectId === second!.id)).toBe(true)

    // 代为预约 without JavaScript: the last place, once per requestId (a double submit books once), then full.
    const run = Math.random().toString(36).slice(2, 10)
    const booking = (requestId: string, p: string) => form([['slotId', slot!.id], ['name', '李建国'], ['phone', p], ['topic', '劳动争议'], ['requestId', `${requestId}-${run}`], ['back', back]])
    expect((await anon.req('POST', '/forms/staff/appointments/book', booking('desk-request-0000', phone()), FORM)).status).toBe(401)
    expect((await op.req('POST', '/forms/staff/appointments/book', booking('desk-request-0000', phone()), { ...FORM, origin: 'https://evil.example' })).status).toBe(403)
    const desk = phone()
    const booked = await op.req('POST', '/forms/staff/appointments/book', booking('desk-request-0001', desk), FORM)
    expect(booked.status).toBe(303)
    const ref = booked.headers.get('location')!.match(/done=booked&ref=(YY-\d{4}-[2-9A-HJ-NP-Z]{6})$/)?.[1]
    expect(ref, booked.headers.get('location')!).toBeDefined()
    expect((await op.req('POST', '/forms/staff/appointments/book', booking('desk-request-0001', desk), FORM)).headers.get('location')).toContain(`ref=${ref}`)
    expect((await op.req('POST', '/forms/staff/appointments/book', booking('desk-request-0002', phone()), FORM)).headers.get('location')).toBe(`${back}&error=SLOT_FULL`)
    expect((await op.req('POST', '/forms/staff/appointments/book', booking('desk-request-0003', '123'), FORM)).headers.get('location')).toBe(`${back}&error=VALIDATION&field=phone`)
    const full = (await op.get(q)).body.slots.find((x: { id: string }) => x.id === slot!.id)
    expect(full.free).toBe(0)
    const deskItem = full.appointments.find((a: { reference: string }) => a.reference === ref)
    expect(deskItem.bookedByStaff).toBe(true)
    expect(full.appointments.filter((a: { reference: string }) => a.reference === ref)).toHaveLength(1)
    // Audited with the staff member who booked, as a booking on someone's behalf.
    const books = (await admin.get('/api/staff/admin/audit?action=appointment.book&limit=100')).body.items as Array<{ objectId: string, actorUsername: string | null }>
    expect(books.filter(a => a.objectId === deskItem.id).map(a => a.actorUsername)).toEqual(['operator1'])

    // "显示完整信息" without JavaScript: 303 back to the day view (nothing personal in the address); the
    // contact reaches the next page load only, in the one-time sealed flash; audited with the purpose.
    const other = phones.find(p => p !== shown.body.phone)!
    const revealForm = (purpose: string, id = second!.id) => form([['id', id], ['purpose', purpose], ['back', back]])
    const anonReveal = await anon.req('POST', '/forms/staff/appointments/reveal', revealForm('电话联系预约人'), FORM)
    expect(anonReveal.status).toBe(303)
    expect(anonReveal.headers.get('location')).toMatch(/^\/staff\/login\?next=/)
    expect((await op.req('POST', '/forms/staff/appointments/reveal', revealForm('电话联系预约人'), { ...FORM, origin: 'https://evil.example' })).status).toBe(403)
    const short = await op.req('POST', '/forms/staff/appointments/reveal', revealForm('看看'), FORM)
    expect(short.status).toBe(303)
    expect(short.headers.get('location')).toBe(back)
    const refusedPage = await op.get(back, { accept: 'text/html' })
    expect(refusedPage.status).toBe(200)
    expect(refusedPage.body).toContain('至少 4 个字')
    expect(refusedPage.body).not.toContain(other)
    const revealedAt = Date.now()
    const ok = await op.req('POST', '/forms/staff/appointments/reveal', revealForm('回电确认是否改约'), FORM)
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe(back)
    expect(ok.headers.get('location')).not.toContain(other)
    const shownPage = await op.get(back, { accept: 'text/html' })
    expect(shownPage.headers.get('cache-control')).toContain('no-store')
    expect(shownPage.body).toContain(`tel:${other}`)
    expect(shownPage.body).toContain('马秀兰')
    const laterPage = await op.get(back, { accept: 'text/html' })
    expect(laterPage.status).toBe(200)
    expect(laterPage.body).not.toContain(other) // shown once: the flash is gone
    const unknown = await op.req('POST', '/forms/staff/appointments/reveal', revealForm('回电确认是否改约', '00000000-0000-4000-8000-000000000000'), FORM)
    expect(unknown.headers.get('location')).toBe(back)
    const reveals = (await admin.get('/api/staff/admin/audit?action=appointment.reveal&limit=100')).body.items as Array<{ objectId: string, purpose: string, actorUsername: string | null, at: string }>
    const mine = reveals.filter(a => a.objectId === second!.id)
    expect(mine.map(a => [a.purpose, a.actorUsername])).toEqual([['回电确认是否改约', 'operator1']])
    expect(Date.parse(mine[0]!.at)).toBeGreaterThanOrEqual(revealedAt - 5000)
  })
})
