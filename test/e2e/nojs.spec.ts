// The main journeys with JavaScript switched off (issue 14): every public form is a real form that
// posts to the server and gets a 303 back. Also what a resident sees before the page's script runs.
// (axe needs JavaScript in the page: the same server-rendered pages are scanned by the other specs.)
import { expect, test } from '@playwright/test'

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })

for (const large of [false, true]) {
  const mode = large ? '长辈版' : '标准版'
  test(`the questionnaire, one question per page, to its result (${mode})`, async ({ page, context }) => {
    test.setTimeout(120_000)
    if (large) await context.addCookies([{ name: 'large_text', value: '1', url: 'http://127.0.0.1' }])
    await page.goto('/eligibility')
    await expect(page.getByRole('heading', { level: 2, name: '您遇到的是什么事？' })).toBeVisible()
    await expect(page.getByText('正在加载')).toHaveCount(0)
    // nothing chosen: the same question again, with the error summary
    await page.getByRole('button', { name: '继续' }).click()
    await expect(page).toHaveURL(/\/eligibility\?step=1$/)
    await expect(page.getByRole('alert')).toContainText('请回答：您遇到的是什么事？')
    await expect(page).toHaveTitle(/^错误：/)
    await page.getByRole('radio', { name: /讨工资、拖欠工钱/ }).check()
    await page.getByRole('button', { name: '继续' }).click()
    await expect(page).toHaveURL(/\/eligibility\?step=2$/)
    await page.getByRole('checkbox', { name: /进城务工人员/ }).check()
    await page.getByRole('button', { name: '继续' }).click()
    await expect(page.getByText('第 3 个问题，共 3 个')).toBeVisible()
    await page.getByRole('group', { name: /最后期限/ }).getByRole('radio', { name: '否' }).check()
    await page.getByRole('group', { name: /保全/ }).getByRole('radio', { name: '否' }).check()
    await page.getByRole('button', { name: '继续' }).click()
    await expect(page).toHaveURL(/\/eligibility\?step=result$/)
    await expect(page.getByRole('heading', { level: 2, name: '测评结果' })).toBeVisible()
    await expect(page.getByText('初步符合法律援助条件', { exact: true })).toBeVisible()
    // change an answer from the summary, and come back through the remaining questions
    await page.getByText('查看或修改您的回答').click()
    await page.getByRole('link', { name: /修改.*需要法律援助的人/ }).click()
    await expect(page.getByRole('checkbox', { name: /进城务工人员/ })).toBeChecked()
    // clearing the answers starts again
    await page.getByRole('button', { name: /清除我的回答/ }).click()
    await expect(page).toHaveURL(/\/eligibility$/)
    await expect(page.getByRole('radio', { name: /讨工资、拖欠工钱/ })).not.toBeChecked()
  })
}
