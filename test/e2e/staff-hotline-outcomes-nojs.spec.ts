// The 12348 outcome codes without JavaScript (issue 8): the form posts to /staff/admin/hotline-outcomes
// (303), 修改 is a link that opens the form on that code; a refused save comes back with the message
// and what was typed.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('an admin adds an outcome code, fixing a refused save, then renames it — no JavaScript', async ({ page }) => {
  test.setTimeout(120_000)
  const code = `nojs_${Date.now().toString(36)}`
  await signIn(page, 'admin', encodeURIComponent('/staff/admin/hotline-outcomes'))
  await expect(page.getByRole('heading', { level: 1, name: '来电处理结果' })).toBeVisible()
  await page.getByLabel('代码（小写字母、数字、下划线）').fill(code)
  await page.getByRole('checkbox', { name: '需要跟进' }).check()
  await page.getByRole('button', { name: '保存' }).click()
  // no name, and 需要跟进 with 结束来电: refused by the same schema, what was typed kept
  await expect(page.getByRole('alert')).toContainText('请填写名称')
  await expect(page.getByLabel('代码（小写字母、数字、下划线）')).toHaveValue(code)
  await expect(page.getByRole('checkbox', { name: '需要跟进' })).toBeChecked()
  await expect(page.getByRole('region', { name: '处理结果列表' })).not.toContainText(code)

  await page.getByLabel('名称', { exact: true }).fill('转交街道调解')
  await page.getByRole('checkbox', { name: '结束来电' }).uncheck()
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('已保存“转交街道调解”。')).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: code })
  await expect(row).toContainText('转交街道调解')

  await row.getByRole('link', { name: '修改“转交街道调解”' }).click()
  await expect(page.getByRole('heading', { level: 2, name: `修改“${code}”` })).toBeVisible()
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('转交街道调解')
  await page.getByLabel('名称', { exact: true }).fill('转交社区调解')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('已保存“转交社区调解”。')).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: code })).toContainText('转交社区调解')
})
