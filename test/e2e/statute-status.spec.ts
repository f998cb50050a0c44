import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import { scanBoth } from './helpers'

// Issue 11: the page of an article that is no longer law in force says so plainly, since when, and
// links the current provision; it is never presented as current law.
test('the page of a superseded article says so, since when, and links the current provision', async ({ page, baseURL }) => {
  const origin = { origin: baseURL! }
  const login = await page.request.post('/api/auth/login', { data: { username: 'editor1', password: E2E_PASSWORD }, headers: origin })
  expect(login.status()).toBe(200)
  const law = () => `L${randomBytes(5).toString('hex')}`
  const v1 = law()
  const v2 = law()
  const file = (id: string, version: string) => ['第一条', '第二条'].map((label, i) => JSON.stringify({
    id: `${id}-a000${i + 1}`, law_id: id, law_title: '银川市测试管理条例', level: '地方性法规', version_date: version,
    article_no: i + 1, article_label: label, text: `${label}：这是 ${version} 版的测试条文。`,
  })).join('\n')
  expect((await page.request.post('/api/staff/statutes/import', { data: { jsonl: file(v1, '2001-01-01') }, headers: origin })).status()).toBe(201)
  expect((await page.request.post('/api/staff/statutes/import', {
    data: { jsonl: file(v2, '2030-01-01'), supersedesLawId: v1, effectiveDate: '2030-01-01', note: '' }, headers: origin,
  })).status()).toBe(201)

  await page.goto(`/statutes/${v1}-a0001`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('第一条')
  const status = page.getByTestId('statute-status')
  await expect(status.getByRole('heading', { level: 2 })).toHaveText(/已被取代（不再适用）（自 2030-01-01 起）/)
  await expect(status).toContainText('不是现行有效的法律')
  await expect(page.getByText('已被取代（不再适用）').first()).toBeVisible()
  await scanBoth(page, 'superseded statute')
  await status.getByRole('link', { name: /银川市测试管理条例》第一条/ }).click()
  await expect(page).toHaveURL(new RegExp(`/statutes/${v2}-a0001$`))
  await expect(page.getByTestId('statute-status')).toHaveCount(0)
  await expect(page.getByText('现行有效').first()).toBeVisible()
})

test('editors see which laws are marked not in force (the seeded 2012 治安管理处罚法) and the two forms', async ({ page, baseURL }) => {
  const login = await page.request.post('/api/auth/login', { data: { username: 'editor1', password: E2E_PASSWORD }, headers: { origin: baseURL! } })
  expect(login.status()).toBe(200)
  await page.goto('/staff/statutes')
  await expect(page.getByRole('heading', { level: 1, name: '法律效力' })).toBeVisible()
  const row = page.getByRole('row', { name: /中华人民共和国治安管理处罚法/ })
  await expect(row).toContainText('已被取代')
  await expect(row).toContainText('2026-01-01')
  await expect(page.getByRole('heading', { level: 2, name: '标记法律已废止或被取代' })).toBeVisible()
  await expect(page.getByLabel('法条文件（.jsonl）')).toBeVisible()
  await scanBoth(page, 'staff statutes')
})

test('with JavaScript the import form sends the file as JSON, a law of real size too (over the 64 KiB of other JSON bodies)', async ({ page, baseURL }) => {
  const login = await page.request.post('/api/auth/login', { data: { username: 'editor1', password: E2E_PASSWORD }, headers: { origin: baseURL! } })
  expect(login.status()).toBe(200)
  await page.goto('/staff/statutes')
  const law = `L${randomBytes(5).toString('hex')}`
  // 300 articles of about 300 characters: ~0.3 MB of UTF-8, the size of a real law
  const jsonl = Array.from({ length: 300 }, (_, i) => JSON.stringify({
    id: `${law}-a${String(i + 1).padStart(4, '0')}`, law_id: law, law_title: '银川市有脚本导入条例', level: '地方性法规', version_date: '2026-01-01',
    article_no: i + 1, article_label: `第${i + 1}条`, text: `第${i + 1}条：${'公民依法享有获得法律援助的权利。'.repeat(18)}`,
  })).join('\n')
  expect(Buffer.byteLength(jsonl)).toBeGreaterThan(200_000)
  const importForm = page.locator('form[action="/staff/statutes/import"]')
  await page.getByLabel('法条文件（.jsonl）').setInputFiles({ name: 'law.jsonl', mimeType: 'application/json', buffer: Buffer.from(jsonl) })
  const sent = page.waitForRequest(r => r.url().endsWith('/api/staff/statutes/import') && r.method() === 'POST')
  await importForm.getByRole('button', { name: '导入' }).click()
  expect((await sent).headers()['content-type']).toContain('application/json')
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toHaveText('已导入《银川市有脚本导入条例》300 条。')
  await expect(page).toHaveURL(/\/staff\/statutes$/)
})
