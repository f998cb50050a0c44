// The service-point finder without JavaScript (issue 9): the filters are a plain GET form and
// 显示更多 a plain link, both answered by the server-rendered page at 360 px, in both text sizes.
import { expect, test, type Page } from '@playwright/test'

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })

const cards = (page: Page) => page.getByRole('list', { name: '服务网点' }).getByRole('listitem')

for (const large of [false, true]) {
  const mode = large ? '长辈版' : '标准版'
  test(`filter by county and level, then show more, without JavaScript (${mode})`, async ({ page, context }) => {
    if (large) await context.addCookies([{ name: 'large_text', value: '1', url: 'http://127.0.0.1' }])
    await page.goto('/service-points')
    if (large) await expect(page.locator('html')).toHaveClass(/large-text/)
    await expect(cards(page)).toHaveCount(6)
    await page.getByLabel('区县').selectOption({ label: '永宁县' })
    await page.getByLabel('网点级别').selectOption({ label: '村(社区)工作室' })
    await page.getByRole('button', { name: '查找网点' }).click()
    await expect(page).toHaveURL(/\/service-points\?county=yongning&level=village&service=&channel=$/)
    await expect(page.getByText('永宁县、村(社区)工作室：找到 1 个服务网点。')).toBeVisible()
    await expect(cards(page)).toHaveCount(1)
    await expect(cards(page).first()).toContainText('纳家户村')
    // the chosen filters stay chosen in the form the server sent back
    await expect(page.getByLabel('区县')).toHaveValue('yongning')
    await expect(page.getByLabel('网点级别')).toHaveValue('village')
    await expect(cards(page).first().getByRole('link', { name: /预约到这里当面咨询/ })).toHaveAttribute('href', /^\/appointments\?servicePointId=[0-9a-f-]{36}$/)

    // by what can be booked, then the next six with a plain link
    await page.getByRole('link', { name: '清除条件' }).click()
    await page.getByLabel('可预约方式').selectOption({ label: '12348 热线回电' })
    await page.getByRole('button', { name: '查找网点' }).click()
    await expect(cards(page)).toHaveCount(6)
    await page.getByRole('link', { name: /显示更多网点/ }).click()
    await expect(page).toHaveURL(/\/service-points\?channel=hotline_callback&shown=12#sp-7$/)
    await expect(cards(page)).toHaveCount(12)
    await expect(page.getByLabel('可预约方式')).toHaveValue('hotline_callback')
  })
}
