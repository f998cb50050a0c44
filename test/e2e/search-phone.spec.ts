// The library search on a phone (360 × 640), in both text sizes: the best case and the best article
// are in the first screen; on a case page, what to do and the next-step buttons come before the
// long texts.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { enableLargeText, expectNoAxeViolations } from './helpers'

test.use({ viewport: { width: 360, height: 640 } })

const SCREEN = 640

async function bottomOf(l: Locator): Promise<number> {
  const box = await l.boundingBox()
  expect(box, 'element has a box').not.toBeNull()
  return box!.y + box!.height
}

async function openSearch(page: Page, q: string) {
  // the case index is built right after start-up: wait until both best answers are there
  await expect(async () => {
    await page.goto(`/search?q=${encodeURIComponent(q)}`)
    await expect(page.getByTestId('best-answer').locator('article')).toHaveCount(2, { timeout: 2_000 })
  }).toPass({ timeout: 120_000 })
}

for (const large of [false, true]) {
  const label = large ? '长辈版' : '标准版'

  test(`search: the best case and the best article are in the first screen (${label})`, async ({ page }) => {
    await openSearch(page, '老板拖欠工资怎么办')
    if (large) await enableLargeText(page)
    await page.evaluate(() => window.scrollTo(0, 0))
    const items = page.getByTestId('best-answer').locator('article')
    for (const item of await items.all()) {
      await expect(item.getByRole('heading', { level: 3 })).toBeVisible()
      expect(await bottomOf(item.getByRole('heading', { level: 3 })), 'heading above the fold').toBeLessThanOrEqual(SCREEN)
    }
    await expectNoAxeViolations(page, `search on a phone (${label})`)
  })

  test(`case page: what to do and the next steps before the long texts (${label})`, async ({ page }) => {
    await openSearch(page, '老板拖欠工资怎么办')
    await page.getByTestId('best-answer').locator('article').first().getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    if (large) await enableLargeText(page)
    const next = page.getByRole('heading', { name: '你可以怎么做' })
    const explain = page.getByRole('heading', { name: '释法：法律怎么说' })
    const help = page.getByRole('link', { name: '我能申请法律援助吗？' })
    expect(await bottomOf(next)).toBeLessThan(await bottomOf(explain))
    expect(await bottomOf(help)).toBeLessThan(await bottomOf(explain))
    await expectNoAxeViolations(page, `case page on a phone (${label})`)
  })
}
