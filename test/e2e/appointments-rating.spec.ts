// The satisfaction rating end to end with a real token (issue 9): an operator marks a visit
// completed in the day view; the rating request goes out through the notification outbox to the
// SMS webhook (playwright.config.ts points NUXT_APPOINTMENTS_NOTIFY_WEBHOOK_URL at the small
// receiver this spec runs), and the link is read from the text the gateway received, as the
// resident's phone would show it. The resident rates 1–5 with a comment (axe in both text sizes),
// a second use of the link is refused, and the supervisor's dashboard counts the rating.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { scanBoth, signIn, waitForHydration } from './helpers'
import { smsGateway } from './sms-gateway'

interface Point { id: string, name: string }
interface Satisfaction { responses: number, satisfied: number, satisfiedRate: number | null }

// Plain date arithmetic (the shared calendar imports chinese-days' JSON, which Playwright's loader refuses).
const shanghaiDay = (d = new Date()) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
const addDays = (day: string, k: number) => new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10)
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7

/** A Saturday four to five weeks ahead (the staff specs use earlier ones). */
function saturdayAhead(): string {
  for (let d = addDays(shanghaiDay(new Date()), 28); ; d = addDays(d, 1)) if (isoWeekday(d) === 6) return d
}

const gateway = smsGateway()
const received = gateway.received
test.beforeAll(async ({ baseURL }) => { await gateway.start(baseURL!) })
test.afterAll(async () => { await gateway.stop() })

async function staffPage(browser: Browser, baseURL: string, username: string, next?: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage()
  await signIn(page, username, next)
  await expect(page).toHaveURL(next ? /\/staff\/appointments/ : /\/staff$/)
  return page
}

async function satisfaction(page: Page, day: string): Promise<Satisfaction> {
  const r = await page.request.get(`/api/staff/dashboard?from=${day}&to=${day}`)
  expect(r.status(), await r.text()).toBe(200)
  return (await r.json() as { satisfaction: Satisfaction }).satisfaction
}

test('a completed visit texts a one-time rating link; the resident rates it once; the dashboard counts it', async ({ browser, baseURL }) => {
  test.setTimeout(180_000)
  const day = saturdayAhead()
  const phone = `1371234${String(Date.now() % 10_000).padStart(4, '0')}`

  // An admin opens a session and books a place in it for a caller (through the staff API).
  const admin = await staffPage(browser, baseURL!, 'admin')
  const headers = { origin: baseURL! }
  const point = (await (await admin.request.get('/api/service-points?level=township')).json() as Point[])[0]!
  const extra = await admin.request.post('/api/staff/admin/schedules/extras', {
    headers, data: { servicePointId: point.id, channel: 'walk_in', day, startTime: '17:00', endTime: '18:00', slotMinutes: 60, capacity: 2 },
  })
  expect(extra.status(), await extra.text()).toBe(201)
  const slots = await (await admin.request.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${day}&to=${day}`)).json() as Array<{ id: string, startsAt: string }>
  const slot = slots.find(s => s.startsAt === new Date(`${day}T17:00:00+08:00`).toISOString())!
  const booked = await admin.request.post('/api/staff/appointments', { headers, data: { slotId: slot.id, name: '马秀兰', phone, topic: '劳动争议' } })
  expect(booked.status(), await booked.text()).toBe(201)
  const { reference } = await booked.json() as { reference: string }
  await admin.context().close()

  // The supervisor's figure for today (ratings count on the day they are given, Asia/Shanghai).
  const today = shanghaiDay()
  const supervisor = await staffPage(browser, baseURL!, 'supervisor1')
  const before = await satisfaction(supervisor, today)

  // The operator marks the visit completed in the day view.
  const op = await staffPage(browser, baseURL!, 'operator1', encodeURIComponent(`/staff/appointments?date=${day}&channel=walk_in&servicePointId=${point.id}`))
  await waitForHydration(op)
  const card = op.getByRole('region', { name: /17:00–18:00/ }).getByRole('article').filter({ hasText: reference })
  await card.getByRole('button', { name: `办结：${reference}` }).click()
  await expect(op.getByRole('status').filter({ hasText: `${reference}：已办结，评价链接已发出` })).toBeVisible()
  await expect(card).toContainText('已办结')
  await op.context().close()

  // The rating request reaches the gateway: to the resident's phone, naming the reference, with the link.
  await expect.poll(() => received.filter(m => m.kind === 'rating_request' && m.to === phone).length, { timeout: 30_000 }).toBe(1)
  const sms = received.find(m => m.kind === 'rating_request' && m.to === phone)!
  expect(sms.text).toContain(reference)
  expect(sms.text).not.toContain('劳动争议')
  const link = sms.text.match(/(?:https?:\/\/[^/\s]+)?(\/appointments\/rate\/[\w-]{16,})/)?.[1]
  expect(link, sms.text).toBeDefined()

  // The resident opens the link (no staff session), on a phone.
  const resident = await (await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } })).newPage()
  await resident.goto(link!)
  await expect(resident.getByRole('heading', { level: 1, name: '服务评价' })).toBeVisible()
  await expect(resident.locator('main')).toContainText(reference)
  await waitForHydration(resident)
  await scanBoth(resident, 'rating page')
  // Nothing chosen: the form says so and sends nothing.
  await resident.getByRole('button', { name: '提交评价' }).click()
  await expect(resident.getByRole('alert').first()).toContainText('请选择 1 到 5 分')
  await scanBoth(resident, 'rating page with an error')
  await resident.getByRole('radio', { name: '4 分 满意' }).check()
  await resident.getByLabel('意见和建议（选填）').fill('工作人员讲解很耐心，等候时间稍长。')
  await resident.getByRole('button', { name: '提交评价' }).click()
  await expect(resident.getByRole('status').filter({ hasText: '评价已收到，谢谢您！' })).toBeVisible()
  await scanBoth(resident, 'rating page after rating')

  // The link works once: the page says it was used, and a second rating is refused.
  await resident.goto(link!)
  await expect(resident.getByText('这次服务已经评价过了')).toBeVisible()
  await expect(resident.getByRole('button', { name: '提交评价' })).toHaveCount(0)
  const again = await resident.request.post(`/api${link!}`, { headers: { origin: baseURL! }, data: { score: 1, comment: '再评一次' } })
  expect(again.status()).toBe(409)
  expect((await again.json() as { data: { code: string } }).data.code).toBe('RATING_ALREADY_GIVEN')
  const form = await resident.request.post(`/forms${link!}`, { headers: { origin: baseURL! }, form: { score: '1' }, maxRedirects: 0 })
  expect(form.status()).toBe(303)
  expect(form.headers().location).toContain('error=RATING_ALREADY_GIVEN')
  await resident.context().close()

  // The supervisor's dashboard counts exactly this one rating (a 4 is satisfied).
  const after = await satisfaction(supervisor, today)
  expect(after.responses).toBe(before.responses + 1)
  expect(after.satisfied).toBe(before.satisfied + 1)
  expect(after.satisfiedRate).toBeCloseTo((before.satisfied + 1) / (before.responses + 1), 10)
  await supervisor.context().close()
})
