// The booking journey with JavaScript switched off (issues 9 and 14), in the `nojs` project (360 px):
// channel, county, point and day are GET steps rendered by the server; the booking is a real form
// post answered with a 303 to the private manage page (the confirmation, which survives a reload);
// a mistake comes back with the error summary and what was typed; cancelling needs its
// confirmation step. Also what a resident sees before the page's script has run.
import { expect, test } from '@playwright/test'

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })

const PHONE = '13995113388'

for (const large of [false, true]) {
  const mode = large ? '长辈版' : '标准版'
  test(`book a walk-in visit, see the confirmation, open the manage link, cancel (${mode})`, async ({ page, context }) => {
    test.setTimeout(120_000)
    if (large) await context.addCookies([{ name: 'large_text', value: '1', url: 'http://127.0.0.1' }])
    const phone = large ? PHONE.replace(/88$/, '89') : PHONE
    const requests: string[] = []
    page.on('request', r => requests.push(r.url()))

    await page.goto('/appointments')
    await expect(page.getByRole('heading', { level: 1, name: '预约法律咨询' })).toBeVisible()
    await page.getByRole('radio', { name: '到窗口当面咨询' }).check()
    await page.getByRole('button', { name: /下一步/ }).click()
    await expect(page).toHaveURL(/\/appointments\?channel=walk_in#times$/)
    await page.getByLabel('2. 选择区县').selectOption({ label: '永宁县' })
    await page.getByRole('button', { name: /下一步/ }).click()
    // The county's centre comes first; another point of the county is one more GET away.
    await expect(page.getByLabel('服务点', { exact: true })).toHaveValue(/[0-9a-f-]{36}/)
    await page.getByLabel('服务点', { exact: true }).selectOption({ label: '杨和镇公共法律服务工作站（示例）' })
    await page.getByRole('button', { name: /下一步/ }).click()
    await expect(page.getByText(/永宁县.*（示例地址/)).toBeVisible()

    // Another day: a link.
    const dayLinks = page.getByRole('navigation', { name: '选择日期' }).getByRole('link').filter({ hasText: /余 \d+/ })
    await dayLinks.nth(1).click()
    await expect(page).toHaveURL(/day=\d{4}-\d{2}-\d{2}#times$/)
    const times = page.getByRole('group', { name: /3\. 选择时间/ })
    await times.getByRole('radio').first().check()
    await page.getByLabel('姓名').fill('纳玉梅')
    await page.getByLabel('联系电话').fill('12345')
    await page.getByLabel('咨询什么事').selectOption({ label: '婚姻家庭' })
    await page.getByRole('button', { name: '确认预约' }).click()

    // A mistake: the error summary, the field marked, everything typed still there, nothing personal in the address.
    await expect(page).toHaveTitle(/^错误：/)
    await expect(page.getByRole('alert').first()).toContainText('请填写正确的手机号或带区号的固定电话')
    await expect(page.getByLabel('联系电话')).toHaveAttribute('aria-invalid', 'true')
    expect(page.url()).not.toContain('12345')
    expect(decodeURIComponent(page.url())).not.toContain('纳玉梅')
    await expect(page.getByLabel('姓名')).toHaveValue('纳玉梅')
    await expect(page.getByLabel('咨询什么事')).toHaveValue('婚姻家庭')
    await expect(page.getByRole('group', { name: /3\. 选择时间/ }).getByRole('radio', { checked: true })).toHaveCount(1)
    await page.getByLabel('联系电话').fill(phone)
    await page.getByRole('button', { name: '确认预约' }).click()

    // The confirmation is the private manage page: it survives a reload.
    await expect(page).toHaveURL(/\/appointments\/manage\/[A-Za-z0-9_-]{32}\?booked=1$/)
    await expect(page.getByRole('heading', { level: 1, name: '预约成功' })).toBeVisible()
    const details = page.getByRole('region', { name: /预约编号/ })
    await expect(details).toContainText('杨和镇公共法律服务工作站')
    await expect(details).toContainText('婚姻家庭')
    await expect(details).not.toContainText(phone)
    const manageUrl = page.url().split('?')[0]!
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: '预约成功' })).toBeVisible()

    // The manage link (as from the text message), then cancel with its confirmation step.
    await page.goto(manageUrl)
    await expect(page.getByRole('heading', { level: 1, name: /我的预约 YY-/ })).toBeVisible()
    await page.getByRole('link', { name: '取消预约', exact: true }).click()
    await expect(page.getByRole('heading', { level: 2, name: '确定要取消这个预约吗？' })).toBeVisible()
    await page.getByRole('button', { name: '确认取消' }).click()
    await expect(page.locator('main').getByRole('status')).toContainText('预约已取消')
    await expect(page.getByRole('region', { name: /预约编号/ })).toContainText('已取消')

    // No personal data ever went into an address.
    expect(requests.some(u => u.includes(phone) || decodeURIComponent(u).includes('纳玉梅'))).toBe(false)
  })
}
