import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { scanBoth, waitForHydration } from './helpers'

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })

const PHONE = '13995117788'
const manageUrlPattern = /\/appointments\/manage\/[A-Za-z0-9_-]{32}\?booked=1$/

test('an elderly resident books a walk-in consultation at a county centre by keyboard on a phone', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '预约咨询' }).click()
  await expect(page).toHaveURL(/\/appointments$/)
  await expect(page.getByRole('heading', { level: 1, name: '预约法律咨询' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: '人工帮助' })).toContainText('12348')
  await waitForHydration(page)
  await scanBoth(page, 'empty form')

  // Submitting empty shows linked errors.
  await page.getByRole('button', { name: '确认预约' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert').first()).toBeVisible()
  await expect(page.getByLabel('姓名')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('姓名')).toHaveAttribute('aria-describedby', /name-error/)
  await scanBoth(page, 'errors')

  await page.getByRole('radio', { name: '到窗口当面咨询' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: '到窗口当面咨询' })).toBeChecked()
  await page.getByLabel('2. 选择区县').focus()
  await page.getByLabel('2. 选择区县').selectOption({ label: '贺兰县' })
  await expect(page.getByLabel('服务点', { exact: true })).toHaveValue(/[0-9a-f-]{36}/)
  await expect(page.getByText(/贺兰县（示例地址）/)).toBeVisible()
  const slot = page.getByRole('group', { name: '3. 选择时间' }).getByRole('radio').first()
  await slot.focus()
  await page.keyboard.press('Space')
  await expect(slot).toBeChecked()
  await page.getByLabel('姓名').focus()
  await page.keyboard.type('马秀兰')
  await page.keyboard.press('Tab')
  await page.keyboard.type(PHONE)

  // A reload keeps the half-filled form.
  await page.reload()
  await waitForHydration(page)
  await expect(page.getByLabel('姓名')).toHaveValue('马秀兰')
  await expect(page.getByLabel('联系电话')).toHaveValue(PHONE)
  await expect(page.getByRole('radio', { name: '到窗口当面咨询' })).toBeChecked()
  await expect(page.getByRole('group', { name: '3. 选择时间' }).getByRole('radio', { checked: true })).toHaveCount(1)

  await page.getByLabel('咨询什么事').selectOption({ label: '老年人权益' })
  await page.getByLabel('补充说明（选填）').focus()
  await page.keyboard.type('子女不给赡养费，想问怎么办。')
  await page.getByRole('button', { name: '确认预约' }).focus()
  await page.keyboard.press('Enter')

  // The confirmation is the private manage page: it survives a reload.
  await expect(page).toHaveURL(manageUrlPattern)
  await expect(page.getByRole('heading', { level: 1, name: '预约成功' })).toBeVisible()
  const details = page.getByRole('region', { name: /预约编号/ })
  await expect(details).toContainText(/YY-\d{4}-[2-9A-HJ-NP-Z]{6}/)
  await expect(details).toContainText('贺兰县公共法律服务中心')
  await expect(details).toContainText('开放时间')
  await scanBoth(page, 'confirmation')
  const reference = (await details.locator('.reference').textContent())!.trim()
  const manageUrl = page.url().split('?')[0]!
  await page.reload()
  await expect(page.getByRole('region', { name: /预约编号/ })).toContainText(reference)

  // The calendar file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载到手机日历/ }).click()])
  expect(download.suggestedFilename()).toBe(`${reference}.ics`)
  expect(readFileSync((await download.path())!, 'utf8')).toContain('BEGIN:VEVENT')

  // Reschedule: another time at the same centre; the page says so and shows the new time.
  const before = await page.getByRole('region', { name: /预约编号/ }).locator('dd').nth(2).textContent()
  await page.getByRole('link', { name: '改期', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: '改到其他时间' })).toBeVisible()
  await scanBoth(page, 'reschedule')
  const next = page.getByRole('group', { name: /起一周内的空闲时间/ }).getByRole('radio')
  await next.last().check()
  await page.getByRole('button', { name: '改到这个时间' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('已改期')
  await expect(page.getByRole('region', { name: /预约编号/ }).locator('dd').nth(2)).not.toHaveText(before!)

  // The draft is gone after booking.
  await page.goto('/appointments')
  await waitForHydration(page)
  await expect(page.getByLabel('姓名')).toHaveValue('')

  // Without the link: reference + phone open the same manage page.
  await page.getByRole('link', { name: '用预约编号和电话查找预约' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '查找我的预约' })).toBeVisible()
  await waitForHydration(page)
  await page.getByRole('button', { name: '查找预约' }).click()
  await expect(page.getByRole('alert').first()).toBeFocused()
  await expect(page.getByLabel('预约编号')).toHaveAttribute('aria-invalid', 'true')
  await scanBoth(page, 'look-up with errors')
  await page.getByLabel('预约编号').fill(reference)
  await page.getByLabel('预约时留的电话').fill('13900000000')
  await page.getByRole('button', { name: '查找预约' }).click()
  await expect(page.getByRole('alert').first()).toContainText('找不到该预约')
  await page.getByLabel('预约编号').fill(reference.toLowerCase())
  await page.getByLabel('预约时留的电话').fill(PHONE)
  await page.getByRole('button', { name: '查找预约' }).click()
  await expect(page).toHaveURL(manageUrl)

  // Cancel, with a confirmation step; then book again.
  await page.getByRole('link', { name: '取消预约', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: '确定要取消这个预约吗？' })).toBeVisible()
  await scanBoth(page, 'cancel confirmation')
  await page.getByRole('button', { name: '确认取消' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('预约已取消')
  await expect(page.getByRole('region', { name: /预约编号/ })).toContainText('已取消')
  await page.getByRole('link', { name: '重新预约' }).click()
  await expect(page).toHaveURL(/\/appointments$/)
  await waitForHydration(page)
  // The cancelled booking no longer counts: the same phone books again (online this time).
  await page.getByRole('radio', { name: '网上视频/电话咨询' }).check()
  await page.getByRole('group', { name: '2. 选择时间' }).getByRole('radio').first().check()
  await page.getByLabel('姓名').fill('马秀兰')
  await page.getByLabel('联系电话').fill(PHONE)
  await page.getByLabel('咨询什么事').selectOption({ label: '老年人权益' })
  await page.getByRole('button', { name: '确认预约' }).click()
  await expect(page).toHaveURL(manageUrlPattern)
  await expect(page.getByRole('region', { name: /预约编号/ })).toContainText('网上视频/电话咨询')
  await expect(page.getByRole('region', { name: /预约编号/ })).not.toContainText(reference)
})

test('a resident asks 12348 to call back at a booked time', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/appointments')
  await waitForHydration(page)
  await page.getByRole('radio', { name: '12348 热线回电' }).check()
  const times = page.getByRole('group', { name: '2. 选择时间' })
  await times.getByRole('radio').first().check()
  await expect(page.getByLabel('2. 选择区县')).toHaveCount(0)
  await page.getByLabel('姓名').fill('李建国')
  await page.getByLabel('联系电话').fill('13895001234')
  await page.getByLabel('咨询什么事').selectOption({ label: '劳动争议' })
  await scanBoth(page, 'callback form')
  await page.getByRole('button', { name: '确认预约' }).click()
  await expect(page).toHaveURL(manageUrlPattern)
  const details = page.getByRole('region', { name: /预约编号/ })
  await expect(details).toContainText('12348 热线回电')
  await expect(details).toContainText('到时 12348 热线会拨打您预约时留的电话')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })

  test('manage a booking: confirmation, reschedule, look-up, cancel — in large text', async ({ page, context, request, baseURL }) => {
    test.setTimeout(120_000)
    await context.addCookies([{ name: 'large_text', value: '1', url: 'http://127.0.0.1' }])
    const points = await (await request.get('/api/service-points?county=yongning&level=township')).json() as Array<{ id: string }>
    const slots = await (await request.get(`/api/appointments/slots?channel=walk_in&servicePointId=${points[0]!.id}`)).json() as Array<{ id: string }>
    const res = await request.post('/api/appointments', { data: { slotId: slots[0]!.id, name: '纳玉梅', phone: '13709512345', topic: '婚姻家庭' }, headers: { origin: new URL(baseURL!).origin } })
    expect(res.status()).toBe(201)
    const booked = await res.json() as { reference: string, manageUrl: string }
    await page.goto(`${booked.manageUrl}?booked=1`)
    await expect(page.getByRole('heading', { level: 1, name: '预约成功' })).toBeVisible()
    await expect(page.getByRole('region', { name: /预约编号/ })).toContainText('杨和镇公共法律服务工作站')
    await expect(page.getByRole('link', { name: /下载到手机日历/ })).toHaveAttribute('href', /\/calendar\.ics$/)

    await page.getByRole('link', { name: '改期', exact: true }).click()
    await page.getByRole('button', { name: '改到这个时间' }).click()
    await expect(page.getByRole('alert').first()).toContainText('请选择新的预约时间')
    await expect(page).toHaveTitle(/^错误：/)
    await page.getByRole('group', { name: /起一周内的空闲时间/ }).getByRole('radio').last().check()
    await page.getByRole('button', { name: '改到这个时间' }).click()
    await expect(page.locator('main').getByRole('status')).toContainText('已改期')

    // Without the link: reference + phone open the same page.
    await page.goto('/appointments/lookup')
    await page.getByLabel('预约编号').fill(booked.reference)
    await page.getByLabel('预约时留的电话').fill('13709512345')
    await page.getByRole('button', { name: '查找预约' }).click()
    await expect(page).toHaveURL(new RegExp(`${booked.manageUrl}$`))

    await page.getByRole('link', { name: '取消预约', exact: true }).click()
    await page.getByRole('button', { name: '确认取消' }).click()
    await expect(page.locator('main').getByRole('status')).toContainText('预约已取消')
    await page.getByRole('link', { name: '重新预约' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '预约法律咨询' })).toBeVisible()
  })
})
