import { expect, test } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import { scanBoth, waitForHydration } from './helpers'

const PHONE = `138${String(Date.now() % 100_000_000).padStart(8, '0')}`
const MASKED = `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`

test('operator logs a call with a callback by keyboard and sees it masked in the queue', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto('/staff/login?next=/staff/hotline')
  await page.getByLabel('用户名').fill('operator1')
  await page.getByLabel('密码').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  await waitForHydration(page)
  await scanBoth(page, 'hotline console')

  // Keyboard: type, Tab, Space and Enter (selects are set with selectOption, as a keyboard user picks an option).
  await page.getByLabel('咨询类别').focus()
  await page.getByLabel('咨询类别').selectOption('劳动争议')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('来电摘要')).toBeFocused()
  await page.keyboard.type('在工地干了三个月，包工头拖欠工资，想请律师回电说明讨薪途径。')

  // The half-filled draft survives a reload.
  await page.reload()
  await waitForHydration(page)
  await expect(page.getByLabel('来电摘要')).toHaveValue(/包工头拖欠工资/)
  await expect(page.getByLabel('咨询类别')).toHaveValue('劳动争议')

  await page.getByRole('checkbox', { name: '农民工' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('checkbox', { name: '农民工' })).toBeChecked()
  await page.getByRole('radio', { name: '预约律师回拨' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: '预约律师回拨' })).toBeChecked()

  // Saving without phone and window names both fields.
  await page.getByRole('button', { name: '保存来电记录' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('预约回拨需要填写来电号码')).toBeVisible()
  await expect(page.getByRole('textbox', { name: /^来电号码（/ })).toBeFocused()
  await page.keyboard.type(PHONE)

  const window = page.getByLabel('回拨时段')
  const firstFree = await window.locator('option:not([disabled])').first().getAttribute('value')
  expect(firstFree).toBeTruthy()
  await window.selectOption(firstFree!)
  await expect(window.locator(`option[value="${firstFree}"]`)).toContainText(/剩 \d+ 个名额/)
  await scanBoth(page, 'filled form')
  await page.getByRole('button', { name: '保存来电记录' }).focus()
  await page.keyboard.press('Enter')

  const success = page.locator('#hl-logged')
  await expect(success).toContainText(/已保存来电 RX-\d{4}-[2-9A-Z]{6}，已预约/)
  const reference = (await success.textContent())!.match(/RX-\d{4}-[2-9A-Z]{6}/)![0]

  // The queue shows the booked day's callback with the number masked; the full number is never on the page.
  const row = page.getByRole('region', { name: '回拨队列表格' }).getByRole('row').filter({ hasText: reference })
  await expect(row).toContainText(MASKED)
  await expect(row).toContainText('待回拨')
  await expect(page.locator('main')).not.toContainText(PHONE)
  await expect(page.getByRole('region', { name: '最近来电表格' }).getByRole('row').filter({ hasText: reference })).toContainText(MASKED)
  await expect(page.getByLabel('来电摘要')).toHaveValue('')
  await scanBoth(page, 'after booking')

  // 显示号码 asks for a purpose, then shows the number for dialing.
  await row.getByRole('button', { name: /显示号码/ }).click()
  await expect(page.getByLabel('查看用途')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(row.getByRole('link', { name: PHONE })).toHaveAttribute('href', `tel:${PHONE}`)
})
