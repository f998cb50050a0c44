import { expect, test } from '@playwright/test'
import { enableLargeText, expectNoAxeViolations } from './helpers'

test.describe('以案释法: search, case and statute pages', () => {
  test('a resident searches in her own words, opens a case and a cited statute', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('searchbox', { name: '您遇到了什么问题？' }).fill('老板拖欠工资不给怎么办')
    await page.getByRole('button', { name: '搜索' }).click()
    await expect(page).toHaveURL(/\/search\?q=/)
    // the articles are counted up to 100 ("100 条以上" beyond: nobody reads further, and the ranking stops there)
    await expect(page.locator('#search-status')).toContainText(/找到 100 条以上相关法条、\d+ 个相关案例/)
    await expect(page.getByRole('heading', { name: /相关法条/ })).toContainText('100+')
    const cases = page.getByRole('region', { name: /相关案例/ })
    const statutes = page.getByRole('region', { name: /相关法条/ })
    await expect(cases.getByRole('listitem').first()).toBeVisible()
    await expect(statutes.getByRole('listitem').first()).toBeVisible()
    await expect(page.locator('mark').first()).toBeVisible()
    await expectNoAxeViolations(page, 'search normal')

    await cases.getByRole('listitem').first().getByRole('link').click()
    await expect(page.getByRole('heading', { level: 2, name: '释法：法律怎么说' })).toBeVisible()
    await expect(page.getByRole('link', { name: /我能申请法律援助吗/ })).toBeVisible()
    await expect(page.getByRole('link', { name: /预约法律咨询/ })).toBeVisible()
    await expect(page.getByRole('button', { name: '打印本页' })).toBeVisible() // with the page's script only (nojs.spec.ts)
    await expectNoAxeViolations(page, 'case normal')

    await enableLargeText(page)
    await expectNoAxeViolations(page, 'case large text')
    const lawLink = page.getByRole('region', { name: '引用的法条' }).getByRole('link').first()
    await lawLink.click()
    await expect(page).toHaveURL(/\/statutes\/L[0-9a-f]+-a\d{4}/)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoAxeViolations(page, 'statute large text')
  })

  test('the search page works by keyboard and in large-text mode', async ({ page }) => {
    await page.goto('/search')
    await enableLargeText(page)
    const box = page.getByRole('searchbox', { name: '您遇到了什么问题？' })
    await box.focus()
    await page.keyboard.type('离婚冷静期多少天')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/q=/)
    await expect(page.getByRole('region', { name: /相关法条/ }).getByRole('listitem').first()).toBeVisible()
    await expectNoAxeViolations(page, 'search large text')
    // Facet links are reachable and work with the keyboard.
    const facet = page.getByRole('navigation', { name: '按案件类型筛选' }).getByRole('link').first()
    await facet.focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/category=/)
  })

  test('the plain form works without JavaScript', async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false })
    const page = await ctx.newPage()
    await page.goto('/search')
    await page.getByRole('searchbox', { name: '您遇到了什么问题？' }).fill('被邻居家的狗咬了')
    await page.getByRole('button', { name: '搜索' }).click()
    await expect(page).toHaveURL(/q=%E8%A2%AB/)
    await expect(page.getByRole('region', { name: /相关法条/ }).getByRole('listitem').first()).toBeVisible()
    await ctx.close()
  })
})
