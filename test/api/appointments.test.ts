import { describe, expect, it } from 'vitest'
import { withCheckChar } from '../../shared/domain/applications/id-number'
import { ApiClient, servers, signedIn } from './helpers/client'
import { personalValuesIn } from '../helpers/personal-data'

const SLOTS = '/api/appointments/slots'
const BOOK = '/api/appointments'
const STAFF = '/api/staff/appointments'

let n = 0
const phone = () => `136${String(10_000_000 + ((Date.now() + ++n * 7919) % 89_999_999)).padStart(8, '0')}`
const shanghaiDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
interface Slot { id: string, channel: string, servicePointId: string | null, startsAt: string, endsAt: string, capacity: number, free: number }

describe.each(servers())('public appointments on $name', (server) => {
  it('walks 400 → 201 → 409 SLOT_FULL → lookup → cancel, and staff see a masked, audited list', async () => {
    const anon = new ApiClient(server.url)
    const points = (await anon.get('/api/service-points')).body as Array<{ id: string, level: string, county: string | null, address: string }>
    const helan = points.find(p => p.level === 'county' && p.county === 'helan')!
    expect((await anon.get(`${SLOTS}?channel=walk_in`)).status).toBe(400)
    const slotsRes = await anon.get(`${SLOTS}?channel=walk_in&servicePointId=${helan.id}`)
    expect(slotsRes.status).toBe(200)
    const slots = slotsRes.body as Slot[]
    expect(slots.length).toBeGreaterThan(0)
    expect(slots.every(s => s.servicePointId === helan.id && s.free > 0 && new Date(s.startsAt) > new Date())).toBe(true)
    const online = (await anon.get(`${SLOTS}?channel=online`)).body as Slot[]
    expect(online.length).toBeGreaterThan(0)
    expect(online.every(s => s.channel === 'online' && s.capacity === 5)).toBe(true)
    const slot = slots.find(s => s.free === s.capacity && s.capacity === 3)!
    expect(slot).toBeDefined()

    const p = phone()
    const base = { slotId: slot.id, name: '马秀兰', phone: p, topic: '老年人权益' }
    expect(anon.cookies.size).toBe(0)
    const badPhone = await anon.post(BOOK, { ...base, phone: '12345' })
    expect(badPhone.status).toBe(400)
    expect(badPhone.body.data.issues[0]).toMatchObject({ path: 'phone' })
    const id = withCheckChar('64012219500101123')
    const withId = await anon.post(BOOK, { ...base, note: `我的身份证号是 ${id}` })
    expect(withId.status).toBe(400)
    expect(withId.body.data.issues[0]).toMatchObject({ path: 'note' })
    expect(personalValuesIn(withId.body, [id])).toEqual([])

    const created = await anon.post(BOOK, { ...base, note: '儿女不给赡养费。' })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.reference).toMatch(/^YY-\d{4}-[2-9A-HJ-NP-Z]{6}$/)
    expect(created.body).toMatchObject({ status: 'booked', channel: 'walk_in', topic: '老年人权益', servicePoint: { id: helan.id, address: helan.address } })
    expect(personalValuesIn(created.body, [p])).toEqual([])

    // Fill the rest in parallel: exactly the remaining places succeed, the others 409.
    const rest = await Promise.all(Array.from({ length: 4 }, () => anon.post(BOOK, { ...base, phone: phone() })))
    expect(rest.filter(r => r.status === 201)).toHaveLength(2)
    const refused = rest.filter(r => r.status === 409)
    expect(refused).toHaveLength(2)
    expect(refused.every(r => r.body.data.code === 'SLOT_FULL')).toBe(true)
    const after = (await anon.get(`${SLOTS}?channel=walk_in&servicePointId=${helan.id}`)).body as Slot[]
    expect(after.some(s => s.id === slot.id)).toBe(false)

    const ref = created.body.reference as string
    const looked = await anon.post(`${BOOK}/lookup`, { reference: ref.toLowerCase(), phone: p })
    expect(looked.status).toBe(200)
    expect(looked.body).toMatchObject({ reference: ref, status: 'booked' })
    const wrongPhone = await anon.post(`${BOOK}/lookup`, { reference: ref, phone: '13900000000' })
    const wrongRef = await anon.post(`${BOOK}/lookup`, { reference: 'YY-2026-ZZZZZZ', phone: p })
    expect([wrongPhone.status, wrongRef.status]).toEqual([404, 404])
    expect(wrongPhone.body.data).toEqual(wrongRef.body.data)

    // Staff list: 401 anonymous, 403 editor, masked for an operator.
    expect((await anon.get(STAFF)).status).toBe(401)
    const op = await signedIn(server.url, 'operator1')
    const list = await op.get(`${STAFF}?date=${shanghaiDay(slot.startsAt)}`)
    expect(list.status).toBe(200)
    expect(list.body.find((i: { reference: string }) => i.reference === ref)).toMatchObject({ nameMasked: '马**', phoneMasked: `${p.slice(0, 3)}****${p.slice(-4)}` })
    expect(personalValuesIn(list.body, [p, '马秀兰'])).toEqual([])
    expect((await (await signedIn(server.url, 'reviewer1')).get(STAFF)).status).toBe(200)
    expect((await (await signedIn(server.url, 'editor1')).get(STAFF)).status).toBe(403)

    const cancelled = await anon.post(`${BOOK}/cancel`, { reference: ref, phone: p })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.status).toBe('cancelled')
    const twice = await anon.post(`${BOOK}/cancel`, { reference: ref, phone: p })
    expect(twice.status).toBe(409)
    expect(twice.body.data.code).toBe('APPOINTMENT_NOT_CANCELLABLE')
    // The cancelled place is free again.
    const reopened = (await anon.get(`${SLOTS}?channel=walk_in&servicePointId=${helan.id}`)).body as Slot[]
    expect(reopened.find(s => s.id === slot.id)?.free).toBe(1)

    const admin = await signedIn(server.url, 'admin')
    const audit = await admin.get('/api/staff/admin/audit?action=appointment.list')
    expect(audit.status).toBe(200)
    expect(personalValuesIn(audit.body, [p])).toEqual([])
  })
})
