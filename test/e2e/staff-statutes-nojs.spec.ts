// 标记法律已废止或被取代 and 导入法律的新版本 without JavaScript (issue 8): the forms post to
// /staff/statutes and /staff/statutes/import (multipart, with the file) and get a 303; a refusal
// comes back with its message and what was typed, a saved change with the notice.
import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('an editor marks a law repealed, fixing a refused mark first — no JavaScript', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await signIn(page, 'editor1', encodeURIComponent('/staff/statutes'))
  await expect(page.getByRole('heading', { level: 1, name: '法律效力' })).toBeVisible()
  // a law of our own to mark (imported through the JSON route here; the import form has its own test below)
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

test('an editor imports a new version of a law from a file, after a refused file — no JavaScript', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, 'editor1', encodeURIComponent('/staff/statutes'))
  const v1 = `L${randomBytes(5).toString('hex')}`
  const v2 = `L${randomBytes(5).toString('hex')}`
  const lines = (law: string, version: string, labels: string[]) => labels.map((label, i) => JSON.stringify({
    id: `${law}-a000${i + 1}`, law_id: law, law_title: `银川市无脚本导入条例${law}`, level: '地方性法规', version_date: version,
    article_no: i + 1, article_label: label, text: `${label}：无脚本导入的条文（${version} 版）。`,
  })).join('\n')
  const importForm = page.locator('form[action="/staff/statutes/import"]')
  await expect(importForm).toHaveAttribute('enctype', 'multipart/form-data')
  await expect(page.getByText(/最多 5000 条、5 MB/)).toBeVisible()

  // the first version
  await page.getByLabel(/^法条文件/).setInputFiles({ name: 'v1.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines(v1, '2001-01-01', ['第一条', '第二条'])) })
  await importForm.getByRole('button', { name: '导入' }).click()
  await expect(page).toHaveURL(/\/staff\/statutes$/)
  await expect(page.getByRole('status')).toHaveText(`已导入《银川市无脚本导入条例${v1}》2 条。`)

  // a file that is not JSON lines: the message under the file field, what was typed kept, nothing written
  await page.getByLabel(/^它取代的旧版本/).fill(v1)
  await page.getByLabel(/^说明（可选）/).fill('无脚本导入：修订。')
  await page.getByLabel(/^法条文件/).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是法条文件') })
  await importForm.getByRole('button', { name: '导入' }).click()
  await expect(page.getByRole('alert')).toContainText('第 1 行格式不正确')
  await expect(page.getByLabel(/^法条文件/)).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel(/^它取代的旧版本/)).toHaveValue(v1)
  await expect(page.getByLabel(/^说明（可选）/)).toHaveValue('无脚本导入：修订。')

  // the next version, superseding the first: counts and the superseded law in the notice, and in the list
  await page.getByLabel(/^新版本施行日期/).fill('2030-01-01')
  await page.getByLabel(/^法条文件/).setInputFiles({ name: 'v2.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines(v2, '2030-01-01', ['第一条', '第二条', '第三条'])) })
  await importForm.getByRole('button', { name: '导入' }).click()
  await expect(page.getByRole('status')).toHaveText(`已导入《银川市无脚本导入条例${v2}》3 条；旧版本《银川市无脚本导入条例${v1}》已标记为被取代。`)
  const row = page.getByRole('row').filter({ hasText: v1 })
  await expect(row).toContainText('已被取代')
  await expect(row).toContainText('2030-01-01')
  await expect(row).toContainText('导入新版本')
})
