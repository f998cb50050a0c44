// The staff day view without JavaScript (issue 8: every staff form is a plain HTML form): an
// operator reveals a booking's name and phone after stating a purpose (audited; a refused purpose
// comes back with its message and what was typed; the number never enters the address and is
// shown once), books the last place for a caller (代为预约) and checks a visitor in — each a real
// POST answered with a 303 back to the same day view, and axe over those server-rendered forms in
// both text sizes. Runs in the `nojs` project (360 px).
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })

interface Point { id: string, name: string }

// Plain date arithmetic (the shared calendar imports chinese-days' JSON, which Playwright's loader refuses).
const shanghaiDay = (d = new Date()) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
const addDays = (day: string, k: number) => new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10)
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7

/** A Saturday three to four weeks ahead (the JavaScript spec uses the one a week earlier). */
function saturdayAhead(): string {
  for (let d = addDays(shanghaiDay(new Date()), 21); ; d = addDays(d, 1)) if (isoWeekday(d) === 6) return d
}

/** A township point with a 16:00 extra session of 3 places on `day` and two bookings in it (admin, through the API). */
async function dayWithBookings(page: Page, day: string, phones: string[]): Promise<Point> {
  const headers = { origin: new URL(page.url()).origin }
  const points = await (await page.request.get('/api/service-points?level=township')).json() as Point[]
  const point = points.at(-2)!
  const extra = await page.request.post('/api/staff/admin/schedules/extras', {
    headers, data: { servicePointId: point.id, channel: 'walk_in', day, startTime: '16:00', endTime: '17:00', slotMinutes: 60, capacity: 3 },
  })
  expect(extra.status(), await extra.text()).toBe(201)
  const slots = await (await page.request.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${day}&to=${day}`)).json() as Array<{ id: string, startsAt: string }>
  const slot = slots.find(s => s.startsAt === new Date(`${day}T16:00:00+08:00`).toISOString())!
  for (const phone of phones) {
    const r = await page.request.post('/api/staff/appointments', { headers, data: { slotId: slot.id, name: '马秀兰', phone, topic: '劳动争议' } })
    expect(r.status(), await r.text()).toBe(201)
  }
  return point
}

test('an operator reveals a phone with a purpose, books the last place for a caller and checks a visitor in — no JavaScript', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const day = saturdayAhead()
  const phones = ['13712345611', '13712345612']
  await signIn(page, 'admin')
  await expect(page).toHaveURL(/\/staff$/)
  const point = await dayWithBookings(page, day, phones)
  await page.context().clearCookies()

  const dayView = `/staff/appointments?date=${day}&channel=walk_in&servicePointId=${point.id}`
  await signIn(page, 'operator1', encodeURIComponent(dayView))
  await expect(page.getByRole('heading', { level: 1, name: '当日预约' })).toBeVisible()
  const slot = page.getByRole('region', { name: /16:00–17:00/ })
  await expect(slot).toContainText('共 3 个名额，余 1 个')
  const cards = slot.getByRole('article')
  await expect(cards).toHaveCount(2)
  await expect(page.locator('main')).not.toContainText('马秀兰')
  const first = cards.first()
  const ref = (await first.textContent())!.match(/YY-\d{4}-[2-9A-HJ-NP-Z]{6}/)![0]
  const masked = (await first.textContent())!.match(/137\*{4}(\d{4})/)![1]!
  const fullPhone = phones.find(p => p.endsWith(masked))!

  // Reveal: a purpose too short comes back with the message, the panel open and what was typed.
  await first.getByText(`显示完整信息（姓名和电话）：${ref}`).click()
  const purpose = first.getByRole('textbox', { name: /查看用途/ })
  await purpose.fill('短')
  await first.getByRole('button', { name: '确认显示' }).click()
  await expect(page).toHaveURL(new RegExp(`/staff/appointments\\?date=${day}`))
  await expect(first.getByRole('alert')).toContainText('至少 4 个字')
  await expect(purpose).toHaveValue('短')
  await expect(purpose).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('main')).not.toContainText(fullPhone)

  // A real purpose: the full name and number, once; the address never carries them.
  await purpose.fill('电话通知预约人改期')
  await first.getByRole('button', { name: '确认显示' }).click()
  await expect(first.getByRole('link', { name: fullPhone })).toHaveAttribute('href', `tel:${fullPhone}`)
  await expect(first.getByRole('heading', { level: 3 })).toContainText('马秀兰')
  await expect(cards.nth(1)).not.toContainText(phones.find(p => p !== fullPhone)!)
  expect(page.url()).not.toContain(fullPhone)
  expect(page.url()).not.toContain(encodeURIComponent('马秀兰'))
  await page.reload()
  await expect(cards).toHaveCount(2)
  await expect(page.locator('main')).not.toContainText(fullPhone)
  await expect(first).toContainText(`137****${masked}`)

  // 代为预约: the phone is checked by the server (back with the message), then the last place is booked.
  await slot.getByText('代为预约这个时段').click()
  await slot.getByLabel('姓名', { exact: true }).fill('李建国')
  await slot.getByLabel('电话', { exact: true }).fill('139')
  await slot.getByLabel('咨询事项', { exact: true }).selectOption('劳动争议')
  await slot.getByRole('button', { name: '预约', exact: true }).click()
  await expect(page).toHaveURL(/error=VALIDATION&field=phone/)
  await expect(page.getByRole('alert')).toContainText('请检查“电话”')
  await slot.getByText('代为预约这个时段').click()
  await slot.getByLabel('姓名', { exact: true }).fill('李建国')
  await slot.getByLabel('电话', { exact: true }).fill('13712345613')
  await slot.getByLabel('咨询事项', { exact: true }).selectOption('劳动争议')
  await slot.getByRole('button', { name: '预约', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: '已代为预约' })).toBeVisible()
  await expect(slot).toContainText('共 3 个名额，余 0 个')
  await expect(cards).toHaveCount(3)
  await expect(slot.getByText('代为预约这个时段')).toHaveCount(0)
  await expect(slot).toContainText('工作人员代约')

  // Check-in: the mark button posts and comes back with the result.
  await first.getByRole('button', { name: `签到：${ref}` }).click()
  await expect(page.getByRole('status').filter({ hasText: `${ref}：已签到` })).toBeVisible()
  await expect(first.getByRole('button', { name: `办结：${ref}` })).toBeVisible()

  // axe over the same server-rendered forms (axe runs as a script: the page's own scripts are blocked
  // instead), with a refused reveal open, in both text sizes.
  const origin = new URL(page.url()).origin
  const axeContext = await browser.newContext({ javaScriptEnabled: true, baseURL: origin, viewport: { width: 360, height: 740 } })
  await axeContext.addCookies(await page.context().cookies())
  await axeContext.route('**/*', r => (r.request().resourceType() === 'script' ? r.abort() : r.continue()))
  const ssr = await axeContext.newPage()
  await ssr.goto(dayView)
  const card = ssr.getByRole('region', { name: /16:00–17:00/ }).getByRole('article').nth(1)
  await card.getByText(/^显示完整信息/).click()
  await card.getByRole('button', { name: '确认显示' }).click()
  await expect(card.getByRole('alert')).toContainText('至少 4 个字')
  await expect(card.locator('details[open] form[method="post"]')).toHaveCount(1) // the server's form, not the script's panel
  await expectNoAxeViolations(ssr, 'day view without JavaScript, a refused reveal (normal)')
  await axeContext.addCookies([{ name: 'large_text', value: '1', url: origin }])
  await ssr.goto(dayView)
  await expect(ssr.locator('html')).toHaveClass(/large-text/)
  await card.getByText(/^显示完整信息/).click()
  await expect(card.getByRole('textbox', { name: /查看用途/ })).toBeVisible()
  await expectNoAxeViolations(ssr, 'day view without JavaScript (长辈版)')
  await axeContext.close()
})
