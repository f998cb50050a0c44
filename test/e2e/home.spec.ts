import { expect, test } from '@playwright/test'
import { enableLargeText, expectNoAxeViolations } from './helpers'

test.describe('home page', () => {
  test('tells a resident the three things and shows 12348', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    for (const name of ['查法律·看案例', '能不能申请法律援助', '预约法律服务']) {
      await expect(page.getByRole('heading', { name })).toBeVisible()
    }
    await expect(page.getByRole('link', { name: /12348/ }).first()).toHaveAttribute('href', 'tel:12348')
    await expectNoAxeViolations(page, 'home normal')
  })

  test('large-text mode persists across pages and reloads, with no axe violations', async ({ page }) => {
    await page.goto('/')
    await enableLargeText(page)
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    expect(size).toBeGreaterThanOrEqual(18)
    await page.reload()
    await expect(page.locator('html')).toHaveClass(/large-text/)
    await expectNoAxeViolations(page, 'home large text')
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '服务网点' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '公共法律服务网点' })).toBeVisible()
    await expect(page.locator('html')).toHaveClass(/large-text/)
  })

  test('keyboard: the skip link is first and moves focus to the main content', async ({ page }) => {
    await page.goto('/')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: '跳到主要内容' })
    await expect(skip).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.locator('#main')).toBeFocused()
  })

  test('works on a phone-sized screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 })
    await page.goto('/')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expect(page.getByRole('searchbox', { name: '您遇到了什么问题？' })).toBeVisible()
  })
})
