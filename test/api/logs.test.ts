// The server log never carries personal data or secrets. API calls send distinctive values — a
// name, a phone, an ID number, a note, passwords, usernames — in requests that succeed and in ones
// that fail (wrong password, unknown user, validation errors, a database constraint conflict,
// hostile input), then the log the server wrote is read and searched for each value. The log is
// checked to be the structured request log (so an empty or unread log cannot pass).
import { randomInt } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ApiClient, servers, signedIn } from './helpers/client'

const HAN = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜'
const han = (n: number) => Array.from({ length: n }, () => HAN[randomInt(HAN.length)]).join('')
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('')

/** A valid 18-digit ID number (GB 11643 check character). */
function idNumber(): string {
  const body = `640104${1950 + randomInt(50)}0${1 + randomInt(9)}1${randomInt(10)}${digits(3)}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i]!, 0)
  return body + '10X98765432'[sum % 11]
}

describe.each(servers())('server log on $name', (server) => {
  it('carries none of the personal values or secrets sent, in succeeding or failing calls', async () => {
    const v = {
      name: `欧阳${han(2)}`,
      phone: `139${digits(8)}`,
      idNumber: idNumber(),
      note: `备注${han(6)}${digits(3)}`,
      password: `Pw-${digits(6)}-${han(2)}`,
      failedUsername: `nouser${digits(6)}`,
      newUsername: `logtest${digits(6)}`,
      staffPassword: `Staff-Pass-${digits(6)}`,
    }
    const anon = new ApiClient(server.url)
    // Failing logins: unknown user, wrong password for a real account.
    expect((await anon.post('/api/auth/login', { username: v.failedUsername, password: v.password })).status).toBe(401)
    expect((await anon.post('/api/auth/login', { username: 'editor1', password: v.password }, { 'x-forwarded-for': '10.77.0.1' })).status).toBe(401)
    // Hostile input carrying the values.
    expect((await anon.post('/api/auth/login', { username: `${v.failedUsername}\u0000`, password: v.password })).status).toBe(400)
    // A booking that succeeds, one refused for the ID number in its note, one refused for a bad name.
    const slots = (await anon.get('/api/appointments/slots?channel=online')).body as Array<{ id: string, free: number }>
    const slot = slots.find(s => s.free > 1)
    expect(slot).toBeDefined()
    const booking = { slotId: slot!.id, name: v.name, phone: v.phone, topic: '劳动争议', note: v.note }
    expect((await anon.post('/api/appointments', { ...booking, note: `${v.note} ${v.idNumber}` })).status).toBe(400)
    expect((await anon.post('/api/appointments', { ...booking, name: `${v.name}\uD800` })).status).toBe(400)
    const booked = await anon.post('/api/appointments', booking)
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    // A search with the ID number and the phone typed in.
    expect((await anon.get(`/api/search?q=${encodeURIComponent(`${v.idNumber} ${v.phone}`)}`)).status).toBeLessThan(500)
    // Staff: create an account (password in the body), then again (database unique conflict on the name).
    const admin = await signedIn(server.url, 'admin')
    const staff = { username: v.newUsername, displayName: v.name, role: 'operator', password: v.staffPassword }
    expect((await admin.post('/api/staff/admin/users', staff)).status).toBe(201)
    expect((await admin.post('/api/staff/admin/users', staff)).status).toBe(409)
    expect((await anon.post('/api/auth/login', { username: v.newUsername, password: v.password })).status).toBe(401)
    // A hotline call with the phone and the name in the summary.
    const operator = await signedIn(server.url, 'operator1')
    const call = await operator.post('/api/staff/hotline/calls', { topic: '劳动争议', summary: `${v.name}来电咨询，${v.note}`, outcome: 'answered', callerPhone: v.phone })
    expect(call.status, JSON.stringify(call.body)).toBe(201)

    await new Promise(r => setTimeout(r, 300))
    const log = readFileSync(server.logFile, 'utf8')
    // The log is the structured request log, and it saw these calls.
    const lines = log.split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l) as Record<string, unknown>)
    expect(lines.some(l => l.msg === 'request' && l.path === '/api/auth/login' && l.status === 401)).toBe(true)
    expect(lines.some(l => l.msg === 'request' && l.path === '/api/staff/admin/users' && l.status === 409)).toBe(true)
    const forms = (s: string) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]
    const found = Object.entries(v).filter(([, value]) => forms(value).some(f => log.includes(f))).map(([k]) => k)
    expect(found, 'personal values or secrets in the server log').toEqual([])
    expect(log).not.toMatch(/\$argon2id\$/)
    expect(log).not.toMatch(/params:/)
  })
})
