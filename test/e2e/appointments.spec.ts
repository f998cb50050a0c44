import { expect, test } from '@playwright/test'
import { scanBoth, waitForHydration } from './helpers'

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })

const PHONE = '13995117788'

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
  await expect(page.getByLabel('服务点')).toHaveValue(/[0-9a-f-]{36}/)
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

  const done = page.getByRole('region', { name: '预约成功' })
  await expect(done).toBeFocused()
  await expect(done).toContainText(/YY-\d{4}-[2-9A-HJ-NP-Z]{6}/)
  await expect(done).toContainText('贺兰县公共法律服务中心')
  await expect(done).toContainText('开放时间')
  await expect(done).toContainText('如何取消')
  await scanBoth(page, 'confirmation')
  const reference = (await done.locator('.reference').textContent())!.trim()

  // The draft is gone after booking; the booking can be looked up and cancelled.
  await page.reload()
  await waitForHydration(page)
  await expect(page.getByLabel('姓名')).toHaveValue('')
  await page.getByLabel('预约编号').fill(reference)
  await page.getByLabel('预约时留的电话').fill(PHONE)
  await page.getByRole('button', { name: '查询预约' }).click()
  await expect(page.getByRole('status').filter({ hasText: reference })).toContainText('已预约')
  await page.getByRole('button', { name: '取消预约' }).click()
  await expect(page.getByRole('status').filter({ hasText: reference })).toContainText('已取消')
})
