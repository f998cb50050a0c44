// 标记法律已废止或被取代 without JavaScript (issue 8): the form posts to /staff/statutes (303); a
// refused mark comes back with each field's message and what was typed, a saved one with the notice.
import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('an editor marks a law repealed, fixing a refused mark first — no JavaScript', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await signIn(page, 'editor1', encodeURIComponent('/staff/statutes'))
  await expect(page.getByRole('heading', { level: 1, name: '法律效力' })).toBeVisible()
  // a law of our own to mark (imported through the JSON route: the import itself still needs JavaScript)
  const lawId = `L${randomBytes(5).toString('hex')}`
  const jsonl = ['第一条', '第二条'].map((label, i) => JSON.stringify({
    id: `${lawId}-a000${i + 1}`, law_id: lawId, law_title: '银川市无脚本测试条例', level: '地方性法规', version_date: '2001-01-01',
    article_no: i + 1, article_label: label, text: `${label}：无脚本测试条文。`,
  })).join('\n')
  expect((await page.request.post('/api/staff/statutes/import', { data: { jsonl }, headers: { origin: baseURL! } })).status()).toBe(201)

  // a bad law id: refused by the same schema, what was typed kept
  await page.getByLabel('法律编号', { exact: true }).fill('not-a-law')
  await page.getByRole('radio', { name: '已废止' }).check()
  await page.getByLabel(/^自何时起/).fill('2030-01-01')
  await page.getByLabel(/^说明（给群众看的/).fill('无脚本测试：已废止。')
  await page.getByRole('button', { name: '标记' }).click()
  await expect(page).toHaveURL(/\/staff\/statutes$/)
  await expect(page.getByText('法律编号格式不正确')).toBeVisible()
  await expect(page.getByLabel('法律编号', { exact: true })).toHaveValue('not-a-law')
  await expect(page.getByRole('radio', { name: '已废止' })).toBeChecked()
  await expect(page.getByLabel(/^说明（给群众看的/)).toHaveValue('无脚本测试：已废止。')

  // an unknown law: the service's refusal, in words
  await page.getByLabel('法律编号', { exact: true }).fill('L0000000000')
  await page.getByRole('button', { name: '标记' }).click()
  await expect(page.getByRole('alert')).toContainText('没有找到这部法律')

  await page.getByLabel('法律编号', { exact: true }).fill(lawId)
  await page.getByRole('radio', { name: '已废止' }).check()
  await page.getByRole('button', { name: '标记' }).click()
  await expect(page.getByRole('status')).toHaveText('已标记《银川市无脚本测试条例》已废止；搜索将不再显示它的条文。')
  const row = page.getByRole('row').filter({ hasText: lawId })
  await expect(row).toContainText('已废止')
  await expect(row).toContainText('2030-01-01')
  await expect(row).toContainText('编辑标记')
})
