// The search outbox without JavaScript (issue 8): the status is a GET form (?status=) and 重试 is a
// plain POST to /staff/admin/outbox, answered with 303 and a one-time message.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('an admin switches the outbox between failed and pending, and a refused retry comes back in words — no JavaScript', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await signIn(page, 'admin', encodeURIComponent('/staff/admin/outbox'))
  await expect(page.getByRole('heading', { level: 1, name: '检索队列' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: '任务状态' })).toHaveValue('dead')

  await page.getByRole('combobox', { name: '任务状态' }).selectOption({ label: '等待中' })
  await page.getByRole('button', { name: '查看' }).click()
  await expect(page).toHaveURL(/\/staff\/admin\/outbox\?status=pending$/)
  await expect(page.getByRole('combobox', { name: '任务状态' })).toHaveValue('pending')
  await expect(page.locator('main')).not.toContainText('没有失败的任务')

  await page.getByRole('combobox', { name: '任务状态' }).selectOption({ label: '失败（已停止重试）' })
  await page.getByRole('button', { name: '查看' }).click()
  await expect(page).toHaveURL(/\/staff\/admin\/outbox\?status=dead$/)
  await expect(page.getByRole('combobox', { name: '任务状态' })).toHaveValue('dead')

  // The demo has no failed task to press 重试 on: the row's form is sent as the browser would send
  // it, for a task that is not failed; the page then shows the service's refusal once.
  const res = await page.request.post('/staff/admin/outbox', { headers: { origin: baseURL! }, form: { id: '999999999' }, maxRedirects: 0 })
  expect(res.status()).toBe(303)
  expect(res.headers().location).toBe('/staff/admin/outbox')
  await page.goto('/staff/admin/outbox')
  await expect(page.getByRole('alert')).toHaveText('找不到该失败任务，或它已在重试')
  await page.reload()
  await expect(page.getByRole('alert')).toHaveCount(0)
})
