import { expect, test } from '@playwright/test'
import { scanBoth, waitForHydration, signIn } from './helpers'

test('a supervisor reads the dashboard: charts drawn in the browser, the same figures as tables, the 90% target, CSV export', async ({ page }) => {
  test.setTimeout(240_000)
  await signIn(page, 'supervisor1', '/staff/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: '服务统计' })).toBeVisible()
  await waitForHydration(page)

  // Every figure has a table; the hour chart is drawn (SVG) once the page runs in the browser.
  const hours = page.getByRole('region', { name: '来电时段分布（北京时间）（表格）' })
  await expect(hours.getByRole('row')).toHaveCount(25)
  await expect(page.locator('#dash-hours-title').locator('..').locator('svg').first()).toBeVisible()
  await expect(page.getByText('满意率 = 评 4–5 分的评价数')).toBeVisible()
  await expect(page.getByRole('link', { name: '下载 CSV' })).toHaveAttribute('href', /\/api\/staff\/hotline\/calls\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/)
  await scanBoth(page, 'dashboard')

  // By keyboard: a reversed range is refused in words, a valid one updates the address.
  await page.getByLabel('开始日期').fill('2026-11-30')
  await page.getByLabel('结束日期').fill('2026-11-01')
  await page.getByLabel('结束日期').press('Enter')
  await expect(page.getByRole('alert')).toContainText('结束日期不能早于开始日期')
  await page.getByLabel('结束日期').fill('2026-11-30')
  await page.getByLabel('开始日期').fill('2026-11-01')
  await page.getByRole('button', { name: '查看' }).press('Enter')
  await expect(page).toHaveURL(/from=2026-11-01&to=2026-11-30/)
  await expect(page.getByRole('status').filter({ hasText: '2026-11-01 至 2026-11-30' })).toBeVisible()

  // The figures come from the API the supervisor's session may read.
  const res = await page.request.get('/api/staff/dashboard?from=2026-11-01&to=2026-11-30')
  expect(res.status()).toBe(200)
})
