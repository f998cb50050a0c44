// The lexicon page without JavaScript (issue 8): the proposal is a real form (errors come back on
// their fields with what was typed), approving is a form post, the status filter a GET form.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('an editor proposes, corrects and approves a lexicon entry without JavaScript', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'editor1')
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
  await page.goto('/staff/lexicon')
  const id = `nojs.e${Date.now().toString(36)}`
  await page.getByLabel('编号（如 labor.boss）').fill(id)
  await page.getByLabel('日常说法（用顿号或逗号分隔）').fill('包工头、工头')
  await page.getByRole('button', { name: '提交审核' }).click()
  // the missing legal term comes back on its field; what was typed is still there
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(page.getByLabel('法律用语（用顿号或逗号分隔）')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('编号（如 labor.boss）')).toHaveValue(id)
  await expect(page.getByLabel('日常说法（用顿号或逗号分隔）')).toHaveValue('包工头、工头')

  await page.getByLabel('法律用语（用顿号或逗号分隔）').fill('实际施工人')
  await page.getByRole('radio', { name: '扩展词（补充搜索）' }).check()
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText(`已提交“${id}”`)
  const row = page.getByRole('row').filter({ hasText: id })
  await expect(row).toContainText('扩展词')
  await row.getByRole('button', { name: `通过 ${id}` }).click()
  await expect(page.locator('main').getByRole('status')).toContainText(`“${id}”已通过`)
  await expect(page.getByRole('row').filter({ hasText: id })).toHaveCount(0)

  await page.getByLabel('显示').selectOption('approved')
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(page).toHaveURL(/status=approved/)
  await expect(page.getByRole('row').filter({ hasText: id })).toBeVisible()
})
