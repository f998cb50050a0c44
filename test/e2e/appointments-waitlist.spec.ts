// The waitlist end to end with JavaScript (issue 9): a day whose only place is taken offers its
// waitlist on the booking page; a resident joins it; the place is freed (the first booker cancels
// with the private link); the offer goes out through the notification outbox to the SMS webhook
// (playwright.config.ts points NUXT_APPOINTMENTS_NOTIFY_WEBHOOK_URL at the receiver this spec runs)
// and the link is read from the text the gateway received, as the resident's phone would show it;
// the resident confirms within the time the text gives and the place is booked. axe in both text
// sizes on the full day with the waitlist, after joining, and on the offer.
import { expect, test } from '@playwright/test'
import { scanBoth, signIn, waitForHydration } from './helpers'
import { smsGateway } from './sms-gateway'

interface Point { id: string, name: string, county: string }

// Plain date arithmetic (the shared calendar imports chinese-days' JSON, which Playwright's loader refuses).
const shanghaiDay = (d = new Date()) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
const addDays = (day: string, k: number) => new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10)
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7

/** A Sunday two to three weeks ahead: no weekly rule opens walk-in places on Sundays (the other specs use Saturdays). */
function sundayAhead(): string {
  for (let d = addDays(shanghaiDay(new Date()), 14); ; d = addDays(d, 1)) if (isoWeekday(d) === 7) return d
}

const gateway = smsGateway()
test.beforeAll(async ({ baseURL }) => { await gateway.start(baseURL!) })
test.afterAll(async () => { await gateway.stop() })

test('a full day takes a waitlist name; a freed place is offered by text and confirmed in time', async ({ browser, baseURL }) => {
  test.setTimeout(180_000)
  const day = sundayAhead()
  const tail = String(Date.now() % 10_000).padStart(4, '0')
  const firstPhone = `1381234${tail}`
  const waitingPhone = `1391234${tail}`
  const headers = { origin: baseURL! }

  // An admin opens a one-place session on that Sunday at a village point.
  const admin = await (await browser.newContext({ baseURL })).newPage()
  await signIn(admin, 'admin')
  await expect(admin).toHaveURL(/\/staff$/)
  const point = (await (await admin.request.get('/api/service-points?county=xixia&level=village')).json() as Point[])[0]!
  const extra = await admin.request.post('/api/staff/admin/schedules/extras', {
    headers, data: { servicePointId: point.id, channel: 'walk_in', day, startTime: '10:00', endTime: '11:00', slotMinutes: 60, capacity: 1 },
  })
  expect(extra.status(), await extra.text()).toBe(201)
  await admin.context().close()

  // Someone books the only place.
  const api = await (await browser.newContext({ baseURL })).newPage()
  const slots = await (await api.request.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${day}&to=${day}`)).json() as Array<{ id: string, free: number }>
  expect(slots).toHaveLength(1)
  const first = await api.request.post('/api/appointments', { headers, data: { slotId: slots[0]!.id, name: '王建华', phone: firstPhone, topic: '婚姻家庭' } })
  expect(first.status(), await first.text()).toBe(201)
  const firstToken = (await first.json() as { manageUrl: string }).manageUrl.split('/').pop()!

  // The resident opens that day on a phone: it is full, the form below becomes the waitlist.
  const resident = await (await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } })).newPage()
  await resident.goto(`/appointments?channel=walk_in&county=${point.county}&servicePointId=${point.id}&day=${day}#times`)
  await waitForHydration(resident)
  const full = resident.getByRole('region', { name: /已约满/ })
  await expect(full).toBeVisible()
  await expect(full).toContainText('排队候补')
  await expect(resident.getByRole('heading', { level: 2, name: '排队候补' })).toBeVisible()
  await scanBoth(resident, 'full day with its waitlist')
  await resident.getByLabel('姓名').fill('马秀兰')
  await resident.getByLabel('联系电话').fill(waitingPhone)
  await resident.getByLabel('咨询什么事').selectOption('劳动争议')
  await resident.getByRole('button', { name: /^加入.*的候补$/ }).click()
  await expect(resident.getByRole('status').filter({ hasText: '候补名单，您排在第 1 位' })).toBeVisible()
  expect(resident.url()).not.toContain(waitingPhone)
  await scanBoth(resident, 'waitlist joined')

  // The first booker cancels: the place is held for the waiting resident and the offer is texted.
  const cancelled = await api.request.post(`/api/appointments/manage/${firstToken}/cancel`, { headers, data: { confirm: true } })
  expect(cancelled.status(), await cancelled.text()).toBe(200)
  await api.context().close()
  await expect.poll(() => gateway.received.filter(m => m.kind === 'waitlist_offer' && m.to === waitingPhone).length, { timeout: 30_000 }).toBe(1)
  const sms = gateway.received.find(m => m.kind === 'waitlist_offer' && m.to === waitingPhone)!
  expect(sms.text).toContain('候补到名额')
  expect(sms.text).not.toContain('劳动争议')
  const deadline = sms.text.match(/请在 (.+?) 前确认/)?.[1]
  expect(deadline, sms.text).toBeDefined()
  const link = sms.text.match(/(?:https?:\/\/[^/\s]+)?(\/appointments\/manage\/[\w-]{16,})/)?.[1]
  expect(link, sms.text).toBeDefined()

  // Within the time limit the resident opens the link and confirms.
  await resident.goto(link!)
  await waitForHydration(resident)
  const offer = resident.getByRole('region', { name: '候补到了名额，请确认' })
  await expect(offer).toBeVisible()
  await expect(offer).toContainText('保留到')
  const held = await (await resident.request.get(`/api${link!}`)).json() as { status: string, heldUntil: string | null }
  expect(held.status).toBe('held')
  expect(Date.parse(held.heldUntil!)).toBeGreaterThan(Date.now())
  await scanBoth(resident, 'waitlist offer')
  await offer.getByRole('button', { name: '确认要这个名额' }).click()
  await expect(resident.getByRole('status').filter({ hasText: '已确认，名额是您的了' })).toBeVisible()
  await expect(resident.getByRole('region', { name: '候补到了名额，请确认' })).toHaveCount(0)
  const booked = await (await resident.request.get(`/api${link!}`)).json() as { status: string }
  expect(booked.status).toBe('booked')
  // the day is full again: the place is hers
  expect(await (await resident.request.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${day}&to=${day}`)).json()).toEqual([])
  await resident.context().close()
})
