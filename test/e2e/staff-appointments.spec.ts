// The staff side of bookings (issue 9): the day view per service point and channel (masked, audited
// reveal, check-in / completed / no-show by keyboard, on a 360 px phone) and the admin schedule
// page (weekly rules, closures, extra sessions; a conflict is a Chinese message), with axe in both
// text sizes, and both pages once without JavaScript.
import { expect, test, type Page } from '@playwright/test'
import { scanBoth, signIn, waitForHydration } from './helpers'

interface Point { id: string, name: string }

// Plain date arithmetic (the shared calendar imports chinese-days' JSON, which Playwright's loader refuses).
const shanghaiDay = (d = new Date()) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
const addDays = (day: string, k: number) => new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10)
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7

/** A Saturday two to three weeks ahead (no weekly walk-in rule at a township point unless 调休; those end at 12:00). */
function saturdayAhead(): string {
  for (let d = addDays(shanghaiDay(new Date()), 14); ; d = addDays(d, 1)) if (isoWeekday(d) === 6) return d
}

/** A township point with a 15:00 extra session of 3 places on `day` and two bookings in it (admin, through the API). */
async function dayWithBookings(page: Page, day: string): Promise<Point> {
  const headers = { origin: new URL(page.url()).origin }
  const points = await (await page.request.get('/api/service-points?level=township')).json() as Point[]
  const point = points[1]!
  const extra = await page.request.post('/api/staff/admin/schedules/extras', {
    headers, data: { servicePointId: point.id, channel: 'walk_in', day, startTime: '15:00', endTime: '16:00', slotMinutes: 60, capacity: 3 },
  })
  expect(extra.status(), await extra.text()).toBe(201)
  const slots = await (await page.request.get(`/api/appointments/slots?channel=walk_in&servicePointId=${point.id}&from=${day}&to=${day}`)).json() as Array<{ id: string, startsAt: string }>
  const slot = slots.find(s => s.startsAt === new Date(`${day}T15:00:00+08:00`).toISOString())!
  for (const phone of ['13712345601', '13712345602']) {
    const r = await page.request.post('/api/staff/appointments', { headers, data: { slotId: slot.id, name: '马秀兰', phone, topic: '劳动争议' } })
    expect(r.status(), await r.text()).toBe(201)
  }
  return point
}

test.describe('staff appointments', () => {
  test('an operator marks the day\'s bookings by keyboard, reveals one phone with a purpose; works on a phone in 长辈版', async ({ page }) => {
    test.setTimeout(180_000)
    const day = saturdayAhead()
    await signIn(page, 'admin')
    await expect(page).toHaveURL(/\/staff$/)
    const point = await dayWithBookings(page, day)
    await page.context().clearCookies()

    await page.setViewportSize({ width: 360, height: 740 })
    await signIn(page, 'operator1', encodeURIComponent(`/staff/appointments?date=${day}&channel=walk_in&servicePointId=${point.id}`))
    await expect(page.getByRole('heading', { level: 1, name: '当日预约' })).toBeVisible()
    await waitForHydration(page)
    const slot = page.getByRole('region', { name: /15:00–16:00/ })
    await expect(slot).toContainText('共 3 个名额，余 1 个')
    const cards = slot.getByRole('article')
    await expect(cards).toHaveCount(2)
    await expect(cards.first()).toContainText('137****5601')
    await expect(page.locator('main')).not.toContainText('13712345601')
    await expect(page.locator('main')).not.toContainText('马秀兰')
    await scanBoth(page, 'day view')
    // No sideways scrolling on a 360 px phone, also in large text.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    // Check in the first by keyboard; its buttons now offer 办结 only.
    const first = cards.first()
    const ref = (await first.textContent())!.match(/YY-\d{4}-[2-9A-HJ-NP-Z]{6}/)![0]
    await first.getByRole('button', { name: `签到：${ref}` }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('status').filter({ hasText: `${ref}：已签到` })).toBeVisible()
    await expect(first).toContainText('已签到')
    await expect(first.getByRole('button', { name: `办结：${ref}` })).toBeVisible()
    await expect(first.getByRole('button', { name: `未到场：${ref}` })).toHaveCount(0)

    // Reveal: a purpose is required (kept in the audit log), then the full number is a tel: link.
    await first.getByRole('button', { name: `显示完整信息（姓名和电话）：${ref}` }).click()
    const purpose = first.getByRole('textbox', { name: /查看用途/ })
    await purpose.fill('短')
    await page.keyboard.press('Enter')
    await expect(first.getByRole('alert')).toContainText('至少 4 个字')
    await expect(purpose).toHaveAttribute('aria-invalid', 'true')
    await purpose.fill('电话通知预约人改期')
    await first.getByRole('button', { name: '确认显示' }).click()
    await expect(first.getByRole('link', { name: '13712345601' })).toHaveAttribute('href', 'tel:13712345601')
    await expect(first.getByRole('heading', { level: 3 })).toContainText('马秀兰')
    await scanBoth(page, 'day view after check-in and reveal')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    // 代为预约: the last free place, for a caller; the form checks the phone first.
    await slot.getByText('代为预约这个时段').click()
    await slot.getByLabel('姓名', { exact: true }).fill('李建国')
    await slot.getByLabel('电话', { exact: true }).fill('139')
    await slot.getByLabel('咨询事项', { exact: true }).selectOption('劳动争议')
    await slot.getByRole('button', { name: '预约', exact: true }).click()
    await expect(slot.getByLabel('电话', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await slot.getByLabel('电话', { exact: true }).fill('13712345603')
    await slot.getByRole('button', { name: '预约', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: '已代为预约' })).toBeVisible()
    await expect(slot).toContainText('共 3 个名额，余 0 个')
    await expect(cards).toHaveCount(3)
    await expect(slot.getByText('代为预约这个时段')).toHaveCount(0)
  })

  test('an admin edits the weekly schedule: conflicts are explained in Chinese; every form also works without JavaScript', async ({ page, browser }) => {
    test.setTimeout(180_000)
    await signIn(page, 'admin', '/staff/admin/schedules')
    await expect(page.getByRole('heading', { level: 1, name: '排班管理' })).toBeVisible()
    await waitForHydration(page)
    const points = await (await page.request.get('/api/service-points?level=county')).json() as Point[]
    const point = points[0]!
    await page.getByLabel('查看服务点').selectOption(point.id)
    await expect(page).toHaveURL(new RegExp(`servicePointId=${point.id}`))
    await expect(page.getByRole('list', { name: '每周排班' }).getByRole('listitem').first()).toContainText(point.name)
    await scanBoth(page, 'schedules')

    // A rule overlapping the demo weekday mornings: refused with the reason, nothing added.
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: '添加排班' }) })
    await form.getByLabel('服务点').selectOption(point.id)
    await form.getByLabel('开始时间').fill('11:00')
    await form.getByLabel('结束时间').fill('10:00')
    await form.getByRole('button', { name: '添加排班' }).click()
    await expect(form.getByText('结束时间应晚于开始时间')).toBeVisible()
    await form.getByLabel('结束时间').fill('12:30')
    await form.getByRole('button', { name: '添加排班' }).click()
    await expect(page.getByRole('alert').filter({ hasText: '重叠' })).toContainText('周一、二、三、四、五 09:00–12:00')
    await scanBoth(page, 'schedules with a conflict')
    // An evening rule on Saturdays is fine.
    for (const d of ['一', '二', '三', '四', '五']) await form.getByLabel(`周${d}`).uncheck()
    await form.getByLabel('周六').check()
    await form.getByLabel('开始时间').fill('18:00')
    await form.getByLabel('结束时间').fill('19:00')
    await form.getByRole('button', { name: '添加排班' }).click()
    await expect(page.getByRole('status').filter({ hasText: '每周排班已保存' })).toBeVisible()
    const added = page.getByRole('list', { name: '每周排班' }).getByRole('listitem').filter({ hasText: '周六 18:00–19:00' })
    await expect(added).toHaveCount(1)
    page.once('dialog', d => d.accept())
    await added.getByRole('button', { name: /删除排班/ }).click()
    await expect(page.getByRole('status').filter({ hasText: '每周排班已删除' })).toBeVisible()
    await expect(added).toHaveCount(0)

    // Without JavaScript: a closure through the plain form (303 back with the result), then the day view.
    const cookies = await page.context().cookies()
    const nojs = await browser.newContext({ javaScriptEnabled: false, baseURL: new URL(page.url()).origin })
    await nojs.addCookies(cookies)
    const p2 = await nojs.newPage()
    await p2.goto(`/staff/admin/schedules?servicePointId=${point.id}`)
    const day = addDays(saturdayAhead(), 9) // a Monday
    const closure = p2.locator('form').filter({ has: p2.getByRole('button', { name: '添加停开日' }) })
    await closure.getByLabel('日期').fill(day)
    await closure.getByLabel(/原因/).fill('服务点搬迁')
    await closure.getByRole('button', { name: '添加停开日' }).click()
    await expect(p2).toHaveURL(/done=closure-add/)
    await expect(p2.getByRole('status').filter({ hasText: '停开日已添加' })).toBeVisible()
    await expect(p2.getByRole('list', { name: '停开日' })).toContainText(day)
    await closure.getByLabel('日期').fill(day)
    await closure.getByLabel(/原因/).fill('服务点搬迁')
    await closure.getByRole('button', { name: '添加停开日' }).click()
    await expect(p2.getByRole('alert')).toContainText('已登记过同样的停开')
    await p2.getByRole('list', { name: '停开日' }).getByRole('listitem').filter({ hasText: day }).getByRole('button', { name: `删除停开日 ${day}` }).click()
    await expect(p2.getByRole('status').filter({ hasText: '停开日已取消' })).toBeVisible()
    // The day view's filters are a GET form; its mark buttons post and come back.
    await p2.goto('/staff/appointments')
    await p2.getByLabel('咨询方式').selectOption('walk_in')
    await p2.getByLabel(/^服务点/).selectOption(point.id)
    await p2.getByRole('button', { name: '查看' }).click()
    await expect(p2).toHaveURL(new RegExp(`channel=walk_in.*servicePointId=${point.id}`))
    await expect(p2.getByRole('status').filter({ hasText: /共 \d+ 个预约/ })).toBeVisible()
    await nojs.close()
  })
})
