// The main journeys with JavaScript switched off (issue 14): every public form is a real form that
// posts to the server and gets a 303 back. Also what a resident sees before the page's script runs.
// (axe needs JavaScript in the page: the same server-rendered pages are scanned by the other specs.)
import { expect, test, type Page } from '@playwright/test'
// pii.ts, not id-number.ts: the latter imports the calendar's JSON data, which Playwright's loader cannot import.
import { idNumberCheckChar } from '../../shared/domain/cases/pii'
import { exeFile, jpegFile } from '../helpers/document-files'

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
    // the articles are quoted and similar cases offered on the server-rendered page too
    await expect(page.locator('.basis blockquote').first()).not.toBeEmpty()
    await expect(page.getByRole('region', { name: '以案释法：类似的案例' }).getByRole('link').first()).toBeVisible()
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

const ID = '64010419850615123' + idNumberCheckChar('64010419850615123')
const PHONE = '13995112366'

async function screenAsMigrantWorker(page: Page) {
  await page.goto('/eligibility')
  await page.getByRole('radio', { name: /讨工资、拖欠工钱/ }).check()
  await page.getByRole('button', { name: '继续' }).click()
  await page.getByRole('checkbox', { name: /进城务工人员/ }).check()
  await page.getByRole('button', { name: '继续' }).click()
  await page.getByRole('group', { name: /最后期限/ }).getByRole('radio', { name: '否' }).check()
  await page.getByRole('group', { name: /保全/ }).getByRole('radio', { name: '否' }).check()
  await page.getByRole('button', { name: '继续' }).click()
  await expect(page.getByRole('heading', { level: 2, name: '测评结果' })).toBeVisible()
}

test('the application: one thing per page, check your answers, confirmation with the service point, then the status', async ({ page }) => {
  test.setTimeout(120_000)
  const requests: string[] = []
  page.on('request', r => requests.push(r.url()))
  await screenAsMigrantWorker(page)
  await page.getByRole('link', { name: '立即申请' }).click()
  await expect(page.getByRole('heading', { level: 2, name: '谁需要法律援助？' })).toBeVisible()
  await expect(page.getByText('正在加载')).toHaveCount(0)
  // nothing chosen: the same step again with the error summary
  await page.getByRole('button', { name: '下一步' }).click()
  await expect(page).toHaveURL(/\/legal-aid\/apply\?step=who$/)
  await expect(page).toHaveTitle(/^错误：/)
  await expect(page.getByRole('alert').first()).toContainText('请选择由谁申请')
  await page.getByRole('radio', { name: '我本人申请' }).check()
  await page.getByRole('button', { name: '下一步' }).click()

  await expect(page.getByRole('heading', { level: 2, name: '申请人的基本信息' })).toBeVisible()
  await page.getByLabel('申请人姓名').fill('马建国')
  // fullwidth digits typed without JavaScript are converted by the server
  await page.getByLabel(/申请人身份证号/).fill(ID.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0)))
  await page.getByLabel('住址').fill('银川市金凤区某小区')
  await page.getByRole('button', { name: '下一步' }).click()
  // the phone is missing: the step comes back with what was typed and the error linked to the field
  await expect(page).toHaveURL(/step=applicant$/)
  await expect(page.getByLabel('申请人姓名')).toHaveValue('马建国')
  await expect(page.getByLabel(/申请人身份证号/)).toHaveValue(ID)
  await expect(page.getByLabel(/联系电话/)).toHaveAttribute('aria-invalid', 'true')
  await page.locator('.error-summary').getByRole('link', { name: /电话/ }).click()
  await page.getByLabel(/联系电话/).fill(PHONE)
  await page.getByRole('button', { name: '下一步' }).click()

  await page.getByLabel(/发生了什么/).fill('在工地干了三个月，包工头拖欠工资一万八千元。')
  await page.getByRole('button', { name: '下一步' }).click()
  await expect(page.getByRole('heading', { level: 2, name: '个人信息处理的同意' })).toBeVisible()
  await page.getByRole('checkbox', { name: /同意为审查法律援助申请处理/ }).check()
  await page.getByRole('button', { name: /核对您的回答/ }).click()

  // Check your answers: every answer with a change link; a change comes back here.
  await expect(page).toHaveURL(/step=check$/)
  await expect(page.getByRole('heading', { level: 2, name: '提交前请核对您的回答' })).toBeVisible()
  await expect(page.locator('dl')).toContainText('马建国')
  await expect(page.locator('dl')).toContainText(ID)
  await page.getByRole('link', { name: /修改.*事情经过/ }).click()
  await expect(page.getByLabel(/发生了什么/)).toHaveValue(/一万八千元/)
  await page.getByLabel(/发生了什么/).fill('在工地干了三个月，包工头拖欠工资一万九千元。')
  await page.getByRole('button', { name: '保存并返回核对页' }).click()
  await expect(page).toHaveURL(/step=check$/)
  await expect(page.locator('dl')).toContainText('一万九千元')
  await page.getByRole('button', { name: '提交申请' }).click()

  await expect(page).toHaveURL(/step=done$/)
  await expect(page.getByRole('heading', { level: 2, name: '申请已提交' })).toBeVisible()
  const reference = (await page.locator('.ref').textContent())!.trim()
  expect(reference).toMatch(/^YCFY-\d{4}-\d{6}-[0-9A-Z]{5}$/)
  // where to bring the documents (no county given on this path: the city's centre), and the booking link
  await expect(page.locator('address')).toContainText(/地址：.+/)
  await expect(page.getByRole('link', { name: '预约到窗口递交材料' })).toHaveAttribute('href', '/appointments')
  // Upload a photo of a document as a plain multipart form: a refusal (by content) and a success, each shown on the page.
  const docs = page.getByRole('region', { name: /上传材料/ })
  await docs.getByRole('radio', { name: /经济困难/ }).check()
  await docs.getByLabel(/选择文件/).setInputFiles({ name: '承诺书.jpg', mimeType: 'image/jpeg', buffer: exeFile() })
  await docs.getByRole('button', { name: '上传这个文件' }).click()
  await expect(page).toHaveURL(/step=done$/)
  await expect(docs.getByRole('alert')).toContainText('只能上传 JPG、PNG 照片或 PDF')
  await docs.getByRole('radio', { name: /经济困难/ }).check()
  await docs.getByLabel(/选择文件/).setInputFiles({ name: '承诺书.jpg', mimeType: 'image/jpeg', buffer: jpegFile() })
  await docs.getByRole('button', { name: '上传这个文件' }).click()
  await expect(page).toHaveURL(/step=done$/)
  await expect(docs.getByRole('status')).toContainText('已上传第 1 个文件（经济困难说明）')
  await expect(docs.getByRole('listitem')).toHaveText([/经济困难说明：承诺书\.jpg/])
  await expect(page.getByRole('heading', { level: 2, name: '申请已提交' })).toBeVisible()
  // nothing personal ever went into a URL
  expect(requests.filter(u => u.includes(PHONE) || u.includes(ID) || u.includes('%E9%A9%AC'))).toEqual([])

  // The status look-up, also without JavaScript.
  await page.getByRole('link', { name: '查询办理进度' }).click()
  await expect(page.getByLabel('受理编号')).toHaveValue(reference)
  await page.getByLabel(/联系电话/).fill('13995100000')
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByRole('alert')).toContainText('找不到')
  await page.getByLabel(/联系电话/).fill(PHONE)
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page).toHaveURL(/\/legal-aid\/status$/)
  await expect(page.getByRole('heading', { name: /办理状态：已受理/ })).toBeVisible()
  await expect(page.getByText(/作出是否给予法律援助的决定/)).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: /办理状态：已受理/ })).toBeVisible()
  await page.getByRole('button', { name: '查询完毕，退出' }).click()
  await expect(page.getByRole('heading', { name: /办理状态/ })).toHaveCount(0)
  expect(requests.filter(u => u.includes(PHONE))).toEqual([])
})

test('a case page offers only what works without the page\'s script: no 打印本页 button (the browser prints), its links', async ({ page }) => {
  await page.goto('/search?q=' + encodeURIComponent('老板拖欠工资不给怎么办'))
  const cases = page.getByRole('region', { name: /相关案例/ })
  await cases.getByRole('listitem').first().getByRole('link').click()
  await expect(page.getByRole('heading', { level: 2, name: '释法：法律怎么说' })).toBeVisible()
  await expect(page.getByRole('link', { name: /我能申请法律援助吗/ })).toBeVisible()
  await expect(page.getByRole('button', { name: '打印本页' })).toHaveCount(0)
})
