import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, waitForHydration, signIn } from './helpers'

// The form kit (useZodForm + FormErrorSummary + FormField + FormRadioGroup + FormDataTable) on the
// two editor forms that use it: the lexicon proposal and the case editor.

async function signInToConsole(page: Page, username: string) {
  await signIn(page, username)
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
}

test('an empty lexicon proposal shows an error summary that takes focus and links to each field', async ({ page }) => {
  await signInToConsole(page, 'editor1')
  await page.goto('/staff/lexicon')
  await waitForHydration(page)
  await expect(page.getByRole('table', { name: '待审核的词条' })).toBeVisible()
  await page.getByRole('button', { name: '提交审核' }).click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary).toHaveAttribute('role', 'alert')
  await expect(summary.getByRole('heading', { name: '提交的内容需要修改' })).toBeVisible()
  const links = summary.getByRole('link')
  expect(await links.count()).toBeGreaterThanOrEqual(3)
  await links.first().click()
  await expect(page.locator('#lex-id')).toBeFocused()
  await expect(page.locator('#lex-id')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#lex-id')).toHaveAttribute('aria-describedby', /lex-id-error/)
  await expectNoAxeViolations(page, 'lexicon form with errors')

  const id = `e2e.kit${Date.now()}`
  await page.getByLabel('编号（如 labor.boss）').fill(id)
  await page.getByLabel('日常说法（用顿号或逗号分隔）').fill('包工头')
  await page.getByLabel('法律用语（用顿号或逗号分隔）').fill('实际施工人')
  await page.getByRole('radio', { name: '扩展词（补充搜索）' }).check()
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText(`已提交“${id}”`)
  await expect(summary).toHaveCount(0)
  await expect(page.getByRole('row').filter({ hasText: id })).toContainText('扩展词')
})

test('the case editor validates with the shared schema and sums up the errors', async ({ page }) => {
  await signInToConsole(page, 'editor1')
  await page.goto('/staff/cases/new')
  await waitForHydration(page)
  await page.getByRole('button', { name: '保存草稿' }).click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: /./ }).first()).toBeVisible()
  await expect(page.getByLabel('标题（老百姓的问法）')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, 'case editor with errors')
  // 预览 (offered once the page's script runs) shows what is typed.
  await page.getByLabel('标题（老百姓的问法）').fill('预览里的标题')
  await page.getByRole('button', { name: '预览' }).click()
  await expect(page.getByRole('region', { name: '预览' })).toContainText('预览里的标题')
  await expect(page.getByRole('button', { name: '关闭预览' })).toHaveAttribute('aria-expanded', 'true')
})
