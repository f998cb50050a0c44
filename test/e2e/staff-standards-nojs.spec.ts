// Adding a 经济困难标准 version without JavaScript (issue 8): the form posts to /staff/admin/standards
// and is answered with 303 — back with each field's message and what was typed when refused, or with
// the notice and the new version in the list.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('an admin adds a hardship-standard version, fixing a refused amount first — no JavaScript', async ({ page }) => {
  test.setTimeout(120_000)
  const id = `nojs-${Date.now().toString(36)}-jinfeng-rural`
  await signIn(page, 'admin', encodeURIComponent('/staff/admin/standards'))
  await expect(page.getByRole('heading', { level: 1, name: /经济困难标准/ })).toBeVisible()
  const add = page.getByRole('region', { name: '添加新版本' })
  await add.getByLabel('版本编号').fill(id)
  await add.getByLabel('县（市、区）').selectOption({ label: '金凤区' })
  await add.getByLabel('城乡类别').selectOption({ label: '农村居民' })
  await add.getByLabel('低保标准（元/人/月）').fill('八百')
  await add.getByLabel('生效日期（YYYY-MM-DD）').fill('2099-01-01')
  await add.getByLabel('来源（文件名称、文号或网址）').fill('金凤区民政局测试通知（端到端测试）')
  await add.getByRole('button', { name: '添加' }).click()

  // refused by the same schema: the message on the field, everything typed still there, nothing added
  await expect(page).toHaveURL(/\/staff\/admin\/standards$/)
  const dibao = add.getByLabel('低保标准（元/人/月）')
  await expect(dibao).toHaveAttribute('aria-invalid', 'true')
  await expect(add.getByRole('alert')).toContainText('低保标准必须是数字')
  await expect(dibao).toHaveValue('八百')
  await expect(add.getByLabel('版本编号')).toHaveValue(id)
  await expect(add.getByLabel('县（市、区）')).toHaveValue('jinfeng')
  await expect(add.getByLabel('城乡类别')).toHaveValue('rural')
  await expect(page.getByRole('cell', { name: id })).toHaveCount(0)

  await dibao.fill('800')
  await add.getByRole('button', { name: '添加' }).click()
  await expect(add.getByRole('status')).toContainText('已添加新版本')
  const row = page.getByRole('row').filter({ hasText: id })
  await expect(row).toContainText('金凤区农村居民')
  await expect(row).toContainText('1600')
  await expect(row).toContainText('2099-01-01')
})
