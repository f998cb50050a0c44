// The audit log without JavaScript (issue 8): the filters are a GET form and 上一页/下一页 are links
// that keep them, so an admin pages through a filtered log with JavaScript off.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('an admin pages through the filtered audit log — no JavaScript', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, 'admin', encodeURIComponent('/staff/admin/audit'))
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible()
  // Each view of the log is itself audited: 21 more views make at least two pages of 查看审计日志.
  for (let i = 0; i < 21; i++) await page.goto('/staff/admin/audit')
  await page.getByRole('combobox', { name: '操作人' }).selectOption({ label: '系统管理员（示例）（admin，管理员）' })
  await page.getByRole('combobox', { name: '操作', exact: true }).selectOption({ label: '查看审计日志' })
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(page).toHaveURL(/action=audit\.read/)
  const pager = page.getByRole('navigation', { name: '审计日志翻页' })
  await expect(pager.getByRole('link', { name: '上一页' })).toHaveCount(0)
  await expect(page.getByRole('status')).toContainText(/第 1 \/ [2-9] 页/)

  await pager.getByRole('link', { name: '下一页' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page).toHaveURL(/action=audit\.read/)
  await expect(page).toHaveURL(/actorId=/)
  await expect(page.getByRole('status')).toContainText(/第 2 \/ [2-9] 页/)
  // the filter is still applied on page 2: every row is a view of the log by the admin
  const rows = page.getByRole('table', { name: /审计记录/ }).getByRole('row')
  expect(await rows.count()).toBeGreaterThan(1)
  for (const row of (await rows.all()).slice(1)) {
    await expect(row).toContainText('audit.read')
    await expect(row).toContainText('系统管理员（示例）')
  }
  await expect(page.getByRole('combobox', { name: '操作', exact: true })).toHaveValue('audit.read')

  await pager.getByRole('link', { name: '上一页' }).click()
  await expect(page).not.toHaveURL(/page=/)
  await expect(page).toHaveURL(/action=audit\.read/)
  await expect(page.getByRole('status')).toContainText(/第 1 \/ [2-9] 页/)
})
