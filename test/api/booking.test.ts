// The booking contract (issue 9) against the built portal: service points with channels, slots,
// 50 concurrent bookings through the public and the staff route, Idempotency-Key, the manage link
// (view, .ics, reschedule, cancel with confirmation), bad input → 4xx.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ApiClient, servers, signedIn } from './helpers/client'

interface Point { id: string, level: string, county: string | null, channels: string[], accessibility: string, name: string }
interface Slot { id: string, channel: string, servicePointId: string | null, startsAt: string, endsAt: string, capacity: number, free: number }

let n = 0
const phone = () => `135${String(10_000_000 + ((Date.now() + ++n * 7919) % 89_999_999)).padStart(8, '0')}`
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
const addDays = (day: string, k: number) => new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10)

describe.each(servers())('booking contract on $name', (server) => {
  const anon = new ApiClient(server.url)

  /** A one-off session (admin API) at a township point, `capacity` places, one slot; returns the slot. */
  async function sessionSlot(admin: ApiClient, point: Point, capacity: number, daysAhead: number, start: string): Promise<Slot> {
    const day = addDays(shanghaiDay(new Date()), daysAhead)
    const [h, m] = start.split(':').map(Number)
    const end = `${String(h! + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`
    const r = await admin.post('/api/staff/admin/schedules/extras', { servicePointId: point.id, channel: 'walk_in', day, startTime: start, endTime: end, slotMinutes: 60, capacity })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    const slots = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${day}&to=${day}`)).body as Slot[]
    const s = slots.find(x => new Date(x.startsAt).getTime() === new Date(`${day}T${start}:00+08:00`).getTime())
    expect(s, JSON.stringify(slots)).toBeDefined()
    expect(s!.capacity).toBe(capacity)
    return s!
  }
  const body = (slotId: string, extra: Record<string, unknown> = {}) => ({ slotId, name: '马秀兰', phone: phone(), topic: '劳动争议', ...extra })

  it('service points carry their channels; township and village points are bookable', async () => {
    const points = (await anon.get('/api/service-points')).body as Point[]
    for (const level of ['city', 'county', 'township', 'village']) {
      expect(points.some(p => p.level === level && p.channels.includes('walk_in')), level).toBe(true)
    }
    expect(points.every(p => p.channels.includes('online') && p.channels.includes('hotline_callback'))).toBe(true)
    const helan = (await anon.get('/api/service-points?county=helan&level=township')).body as Point[]
    expect(helan.length).toBeGreaterThan(0)
    expect(helan.every(p => p.county === 'helan' && p.level === 'township')).toBe(true)
    expect((await anon.get('/api/service-points?level=palace')).status).toBe(400)
    const village = points.find(p => p.level === 'village')!
    const slots = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${village.id}`)).body as Slot[]
    expect(slots.length).toBeGreaterThan(0)
    expect(Object.keys(slots[0]!).sort()).toEqual(['capacity', 'channel', 'endsAt', 'free', 'id', 'servicePointId', 'startsAt'])
    const callbacks = (await anon.get('/api/appointments/slots?channel=hotline_callback')).body as Slot[]
    expect(callbacks.length).toBeGreaterThan(0)
  })

  it('50 concurrent bookings at a 1-place and a 3-place slot, public and staff route: exactly 1 and 3 succeed, the rest 409, none 5xx', async () => {
    const admin = await signedIn(server.url, 'admin')
    const op = await signedIn(server.url, 'operator1')
    const points = (await anon.get('/api/service-points?level=township')).body as Point[]
    const point = points[0]!
    let hour = 8
    for (const capacity of [1, 3]) {
      for (const [who, url] of [[anon, '/api/appointments'], [op, '/api/staff/appointments']] as const) {
        const s = await sessionSlot(admin, point, capacity, 20, `${String(hour++).padStart(2, '0')}:15`)
        const results = await Promise.all(Array.from({ length: 50 }, () => who.post(url, body(s.id))))
        const statuses = results.map(r => r.status)
        expect(statuses.filter(x => x === 201), url).toHaveLength(capacity)
        expect(statuses.filter(x => x === 409)).toHaveLength(50 - capacity)
        expect(statuses.some(x => x >= 500)).toBe(false)
        expect(results.filter(r => r.status === 409).every(r => r.body.data.code === 'SLOT_FULL')).toBe(true)
        const after = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${addDays(shanghaiDay(new Date()), 20)}&to=${addDays(shanghaiDay(new Date()), 20)}`)).body as Slot[]
        expect(after.some(x => x.id === s.id)).toBe(false)
      }
    }
  }, 240_000)

  it('the same Idempotency-Key sent 10 times at once makes one booking', async () => {
    const admin = await signedIn(server.url, 'admin')
    const point = ((await anon.get('/api/service-points?level=township')).body as Point[])[1]!
    const s = await sessionSlot(admin, point, 5, 21, '10:15')
    const b = body(s.id)
    const key = randomUUID()
    const results = await Promise.all(Array.from({ length: 10 }, () => anon.post('/api/appointments', b, { 'idempotency-key': key })))
    expect(results.every(r => r.status === 201)).toBe(true)
    expect(new Set(results.map(r => r.body.reference)).size).toBe(1)
    expect(results.filter(r => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9)
    const slots = (await anon.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${addDays(shanghaiDay(new Date()), 21)}&to=${addDays(shanghaiDay(new Date()), 21)}`)).body as Slot[]
    expect(slots.find(x => x.id === s.id)!.free).toBe(4)
    const reused = await anon.post('/api/appointments', { ...b, topic: '工伤' }, { 'idempotency-key': key })
    expect(reused.status).toBe(409)
    expect(reused.body.data.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('manage link: view, .ics, reschedule, cancel only after confirming; one booking per phone and day', async () => {
    const admin = await signedIn(server.url, 'admin')
    const point = ((await anon.get('/api/service-points?level=township')).body as Point[])[2]!
    const a = await sessionSlot(admin, point, 2, 22, '09:15')
    const b = await sessionSlot(admin, point, 2, 23, '09:15')
    const p = phone()
    const created = await anon.post('/api/appointments', body(a.id, { phone: p }))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: 'booked', channel: 'walk_in', startsAt: a.startsAt, endsAt: a.endsAt, servicePoint: { id: point.id } })
    expect(created.body.manageUrl).toMatch(/^\/appointments\/manage\/[A-Za-z0-9_-]{32}$/)
    expect(created.body.manageUrl).not.toContain(p)
    const again = await anon.post('/api/appointments', body(a.id, { phone: p }))
    expect([again.status, again.body.data.code]).toEqual([409, 'PHONE_ALREADY_BOOKED'])
    expect(again.body.data.message).toContain('12348')

    const api = `/api${created.body.manageUrl}`
    expect((await anon.get(api)).body.reference).toBe(created.body.reference)
    const ics = await anon.get(`${api}/calendar.ics`)
    expect(ics.status).toBe(200)
    expect(ics.headers.get('content-type')).toContain('text/calendar')
    expect(String(ics.body)).toContain('BEGIN:VEVENT')
    expect(String(ics.body)).toContain(`DTSTART:${a.startsAt.replace(/[-:]/g, '').slice(0, 15)}Z`)
    expect(String(ics.body)).not.toContain(p)

    const moved = await anon.post(`${api}/reschedule`, { slotId: b.id })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body.startsAt).toBe(b.startsAt)
    expect((await anon.post(`${api}/cancel`, {})).status).toBe(400) // the confirmation step
    const cancelled = await anon.post(`${api}/cancel`, { confirm: true })
    expect(cancelled.body.status).toBe('cancelled')
    expect((await anon.post(`${api}/cancel`, { confirm: true })).status).toBe(409)
    expect((await anon.get('/api/appointments/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
    expect((await anon.get('/api/appointments/manage/not-a-token')).status).toBe(400)
  })

  it('bad input → 4xx with a Chinese message, never 5xx: fullwidth digits are accepted, NUL bytes, huge notes, unknown and past slots are not', async () => {
    const slots = (await anon.get('/api/appointments/slots?channel=online')).body as Slot[]
    const s = slots[0]!
    const fullwidth = await anon.post('/api/appointments', body(s.id, { phone: '１３６ ００００ ' + String(1000 + (n++ % 8999)).replace(/\d/g, d => String.fromCharCode(0xff10 + Number(d))) }))
    expect(fullwidth.status, JSON.stringify(fullwidth.body)).toBe(201)
    for (const bad of [
      body(s.id, { note: 'a\u0000b' }), body(s.id, { name: '马\u0000兰' }), body(s.id, { note: '很'.repeat(501) }),
      body(s.id, { phone: '１２３' }), { ...body(s.id), extra: 1 }, body('not-a-uuid'),
    ]) {
      const r = await anon.post('/api/appointments', bad)
      expect(r.status, JSON.stringify(bad).slice(0, 80)).toBe(400)
      expect(r.body.data.message).toMatch(/[\u4e00-\u9fff]/)
    }
    const huge = await anon.post('/api/appointments', body(s.id, { note: '很'.repeat(50_000) }))
    expect([huge.status, huge.body.data.code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    const unknown = await anon.post('/api/appointments', body(randomUUID()))
    expect([unknown.status, unknown.body.data.code]).toEqual([404, 'SLOT_NOT_FOUND'])
    expect((await anon.post('/api/appointments', '{"slotId":')).status).toBe(400)
    expect((await anon.get('/api/appointments/slots?channel=walk_in')).status).toBe(400)
    expect((await anon.get('/api/appointments/slots?channel=online&from=2026-13-45')).status).toBe(400)
  })
})
