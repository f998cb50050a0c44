// The service-point finder (issue 9) on a 360 px phone, in the normal and the large-text theme:
// filters first, compact cards, 显示更多 instead of an endless page, result counts announced,
// keyboard only, axe (WCAG 2.1 AA) clean; the booking link starts a booking at that point.
import { expect, test, type Page } from '@playwright/test'
import { enableLargeText, expectNoAxeViolations, waitForHydration } from './helpers'

test.use({ viewport: { width: 360, height: 740 } })

/** The first screenful of the list in large text must not become an endless page again (issue 9 measured 11,888 px). */
const MAX_HEIGHT_PX = { 标准版: 3600, 长辈版: 4600 }

const cards = (page: Page) => page.getByRole('list', { name: '服务网点' }).getByRole('listitem')
const status = (page: Page) => page.locator('main').getByRole('status')

async function pageHeight(page: Page) {
  return page.evaluate(() => document.documentElement.scrollHeight)
}

for (const large of [false, true]) {
  const mode = large ? '长辈版' : '标准版'
  test(`find a point by county and level, show more, book there (${mode})`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto('/service-points')
    if (large) await enableLargeText(page)
    else await waitForHydration(page)
    await expect(page.getByRole('heading', { level: 1, name: '公共法律服务网点' })).toBeVisible()
    const filters = page.getByRole('group', { name: '按条件找网点' })
    await expect(filters).toBeVisible()
    await expect(status(page)).toHaveText(/^共 \d+ 个服务网点，显示前 6 个。$/)
    await expect(cards(page)).toHaveCount(6)
    const height = await pageHeight(page)
    console.log(`service-points first page at 360 px (${mode}): ${height} px`)
    expect(height).toBeLessThanOrEqual(MAX_HEIGHT_PX[mode])
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
    await expectNoAxeViolations(page, `finder ${mode}`)

    // 显示更多: six more cards, focus on the first new one, the address says how many
    await page.getByRole('link', { name: /显示更多网点（还有 \d+ 个）/ }).click()
    await expect(page).toHaveURL(/\/service-points\?shown=12#sp-7$/)
    await expect(cards(page)).toHaveCount(12)
    await expect(cards(page).nth(6).getByRole('heading', { level: 2 })).toBeFocused()
    await expect(status(page)).toHaveText(/显示前 12 个。$/)

    // keyboard only: choose 贺兰县 and 乡镇(街道)工作站, send the form
    await page.getByLabel('区县').focus()
    await page.getByLabel('区县').selectOption({ label: '贺兰县' })
    await page.keyboard.press('Tab')
    await expect(page.getByLabel('网点级别')).toBeFocused()
    await page.getByLabel('网点级别').selectOption({ label: '乡镇(街道)工作站' })
    await page.getByRole('button', { name: '查找网点' }).focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/service-points\?county=helan&level=township$/)
    await expect(status(page)).toHaveText('贺兰县、乡镇(街道)工作站：找到 1 个服务网点。')
    await expect(cards(page)).toHaveCount(1)
    const card = cards(page).first()
    for (const term of ['地址', '电话', '开放时间', '无障碍', '服务', '可预约']) await expect(card.getByText(term, { exact: true })).toBeVisible()
    await expect(card.getByRole('link', { name: '12348' })).toHaveAttribute('href', 'tel:12348')
    await expect(card).toContainText('到窗口当面咨询')
    await expect(page.getByRole('link', { name: /显示更多/ })).toHaveCount(0)
    await expectNoAxeViolations(page, `finder filtered ${mode}`)

    // nothing found: says so and offers 12348
    await page.getByLabel('区县').selectOption({ label: '市级（全市）' })
    await page.getByRole('button', { name: '查找网点' }).click()
    await expect(status(page)).toHaveText(/^市级（全市）、乡镇\(街道\)工作站：找到 0 个服务网点。请减少筛选条件，或拨打 12348。$/)
    await expect(cards(page)).toHaveCount(0)
    await page.getByRole('link', { name: '清除条件' }).click()
    await expect(page).toHaveURL(/\/service-points$/)
    await expect(cards(page)).toHaveCount(6)

    // the booking link starts a booking at that point
    await page.goto('/service-points?county=helan&level=township')
    await waitForHydration(page)
    const link = cards(page).first().getByRole('link', { name: /预约到这里当面咨询/ })
    const href = await link.getAttribute('href')
    const id = /servicePointId=([0-9a-f-]{36})/.exec(href ?? '')?.[1]
    expect(id, href ?? '').toBeTruthy()
    await link.click()
    await expect(page).toHaveURL(new RegExp(`/appointments\\?servicePointId=${id}$`))
    await expect(page.getByLabel('服务点')).toHaveValue(id!)
  })
}

test('a bad filter in the address: a 400 with its message, the form still there (长辈版)', async ({ page, context }) => {
  await context.addCookies([{ name: 'large_text', value: '1', url: 'http://127.0.0.1' }])
  const res = await page.goto('/service-points?level=palace')
  expect(res?.status()).toBe(400)
  await expect(page.getByRole('alert')).toHaveText('网点级别不正确，请从列表中选择')
  await expect(page.getByRole('button', { name: '查找网点' })).toBeVisible()
  await expectNoAxeViolations(page, 'finder bad filter')
})
