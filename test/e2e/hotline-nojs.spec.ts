// The 12348 console's forms work as plain HTML forms (JavaScript off): logging a call with its
// callback and recording a try at the callback POST to /forms/hotline/** and come back with 303.
// (axe needs JavaScript in the page: the same server-rendered console is scanned in hotline.spec.ts.)
import { expect, test } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'

test.use({ javaScriptEnabled: false })

test('without JavaScript: log a call with a callback, then record a try from the queue', async ({ page }) => {
  test.setTimeout(180_000)
  const phone = `136${String((Date.now() + 11) % 100_000_000).padStart(8, '0')}`
  await page.goto('/staff/login?next=/staff/hotline')
  await page.getByLabel('用户名').fill('operator1')
  await page.getByLabel('密码').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()

  // Nothing chosen: back to the form with the error, in words.
  await page.getByLabel('来电摘要').fill('工地摔伤，想请律师回电。')
  await page.getByRole('button', { name: '保存来电记录' }).click()
  await expect(page).toHaveURL(/\/staff\/hotline\?error=VALIDATION/)
  await expect(page.getByRole('alert').first()).toBeVisible()

  await page.getByLabel('咨询类别').selectOption('工伤')
  await page.getByLabel('来电摘要').fill('工地摔伤，老板不给报销医药费，想请律师回电。')
  await page.getByRole('checkbox', { name: '农民工' }).check()
  await page.getByRole('radio', { name: '预约律师回拨' }).check()
  await page.getByRole('textbox', { name: /^来电号码（/ }).fill(phone)
  const window = page.locator('#hl-window')
  const firstFree = await window.locator('option:not([disabled])').first().getAttribute('value')
  await window.selectOption(firstFree!)
  await page.getByRole('button', { name: '保存来电记录' }).click()
  await expect(page).toHaveURL(/\/staff\/hotline\?logged=[0-9a-f-]{36}#hl-logged$/)
  const success = page.locator('#hl-logged')
  await expect(success).toContainText(/已保存来电 RX-\d{4}-[2-9A-Z]{6}，已预约.*预约编号 YY-/)
  const reference = (await success.textContent())!.match(/RX-\d{4}-[2-9A-Z]{6}/)![0]
  await expect(page.locator('main')).not.toContainText(phone)

  // The queue shows the callback's day; one try, recorded by the row's own form.
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(reference) }) })
  await expect(item).toContainText('已尝试 0/3 次')
  await item.getByRole('combobox', { name: `本次回拨结果（${reference}）` }).selectOption({ label: '占线' })
  await item.getByRole('button', { name: `登记回拨结果（${reference}）` }).click()
  await expect(page).toHaveURL(/attempt=1&result=busy/)
  const again = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(reference) }) })
  await expect(again).toContainText('已尝试 1/3 次')
  await expect(again).toContainText('已登记第 1 次回拨：占线')
})
