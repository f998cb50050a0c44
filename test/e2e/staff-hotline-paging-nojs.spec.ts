// The 12348 call list's 上一页/下一页 without JavaScript (issue 8): links to ?page=, rendered by the server.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('an operator pages through the recent calls — no JavaScript', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await signIn(page, 'operator1', encodeURIComponent('/staff/hotline'))
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  // 21 calls more than now make at least two pages (20 a page), logged through the JSON route.
  const tag = Date.now().toString(36)
  for (let i = 0; i < 21; i++) {
    const res = await page.request.post('/api/staff/hotline/calls', { headers: { origin: baseURL! }, data: { topic: '劳动争议', summary: `翻页测试 ${tag} 第 ${i} 通。`, outcome: 'answered' } })
    expect(res.status(), await res.text()).toBe(201)
  }
  await page.goto('/staff/hotline')
  const pager = page.getByRole('navigation', { name: '最近来电分页' })
  await expect(pager).toContainText(/第 1 \/ [2-9]\d* 页/)
  await expect(pager.getByRole('link', { name: '上一页' })).toHaveCount(0)
  const table = page.getByRole('region', { name: '最近来电表格' })
  const firstOnPage1 = await table.getByRole('row').nth(1).textContent()

  await pager.getByRole('link', { name: '下一页' }).click()
  await expect(page).toHaveURL(/\/staff\/hotline\?page=2$/)
  await expect(pager).toContainText(/第 2 \/ [2-9]\d* 页/)
  await expect(table.getByRole('row').nth(1)).not.toHaveText(firstOnPage1!)

  await pager.getByRole('link', { name: '上一页' }).click()
  await expect(page).toHaveURL(/\/staff\/hotline$/)
  await expect(pager).toContainText(/第 1 \/ [2-9]\d* 页/)
  await expect(table.getByRole('row').nth(1)).toHaveText(firstOnPage1!)
})
