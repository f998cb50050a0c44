import { expect, test, type Page } from '@playwright/test'
// pii.ts, not id-number.ts: the latter imports the calendar's JSON data, which Playwright's loader cannot import.
import { idNumberCheckChar } from '../../shared/domain/cases/pii'
import { scanBoth, waitForHydration, signIn } from './helpers'
import { htmlFile, pdfFile, pngFile } from '../helpers/document-files'

const ID = '64010419850615123' + idNumberCheckChar('64010419850615123')
const PHONE = '13995112345'

test('a migrant worker owed wages screens, applies, and a reviewer grants', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/eligibility')
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 2, name: '您遇到的是什么事？' })).toBeVisible()
  await expect(page.getByText(/^第 1 个问题，后面大约还有 \d+ 个$/)).toBeVisible()
  await expect(page.getByRole('complementary', { name: '人工帮助' })).toContainText('12348')
  await scanBoth(page, 'questionnaire step 1')

  // The matter in the resident's words.
  await page.getByRole('radio', { name: /讨工资、拖欠工钱/ }).check()
  await page.getByRole('button', { name: '继续' }).click()
  await expect(page.getByRole('heading', { level: 2, name: '需要法律援助的人是否属于下面这些情况？' })).toBeFocused()
  await page.getByRole('checkbox', { name: /进城务工人员/ }).check()
  await scanBoth(page, 'questionnaire status step')
  await page.getByRole('button', { name: '继续' }).click()

  // Exemption first: no income question for a migrant worker owed wages; the path is now known.
  await expect(page.getByRole('heading', { level: 2, name: '事情紧急吗？' })).toBeFocused()
  await expect(page.getByText('第 3 个问题，共 3 个')).toBeVisible()
  // A reload keeps the answers given so far.
  await page.reload()
  await waitForHydration(page)
  await page.getByRole('link', { name: '上一个问题' }).click()
  await expect(page.getByRole('checkbox', { name: /进城务工人员/ })).toBeChecked()
  await page.getByRole('button', { name: '继续' }).click()
  const urgent = page.getByRole('group', { name: /最后期限/ })
  await urgent.getByRole('radio', { name: '否' }).check()
  await page.getByRole('group', { name: /保全/ }).getByRole('radio', { name: '否' }).check()
  await page.getByRole('button', { name: '继续' }).click()

  await expect(page.getByRole('heading', { level: 2, name: '测评结果' })).toBeFocused()
  await expect(page.getByText('初步符合法律援助条件', { exact: true })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: '法律援助法第四十二条第（三）项' })).toBeVisible()
  await expect(page.getByText(/家庭月收入|家里有几口人/)).toHaveCount(0)
  // after an answer sent with JavaScript, the quoted articles and similar cases still arrive
  await expect(page.locator('.basis blockquote').first()).not.toBeEmpty()
  await expect(page.getByRole('region', { name: '以案释法：类似的案例' }).getByRole('link').first()).toBeVisible()
  await scanBoth(page, 'screening result')

  await page.getByRole('link', { name: '立即申请' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '申请法律援助' })).toBeVisible()
  await page.getByRole('radio', { name: '我本人申请' }).check()
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByLabel('申请人姓名').fill('马建国')
  // fullwidth digits are converted as the person types
  await page.getByLabel(/申请人身份证号/).fill(ID.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0)))
  await expect(page.getByLabel(/申请人身份证号/)).toHaveValue(ID)
  await page.getByLabel(/联系电话/).fill(PHONE)
  await page.getByLabel('住址').fill('银川市金凤区某小区')
  await scanBoth(page, 'application form')
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByLabel(/发生了什么/).fill('在工地干了三个月，包工头拖欠工资一万八千元。')
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByRole('checkbox', { name: /同意为审查法律援助申请处理/ }).check()
  await page.getByRole('button', { name: /核对您的回答/ }).click()

  // Check your answers before sending: every answer with its change link.
  await expect(page.getByRole('heading', { level: 2, name: '提交前请核对您的回答' })).toBeFocused()
  await expect(page.locator('dl')).toContainText('马建国')
  await expect(page.locator('dl')).toContainText('一万八千元')
  await expect(page.getByRole('link', { name: /修改.*联系电话/ })).toBeVisible()
  await scanBoth(page, 'check your answers')
  await page.getByRole('button', { name: '提交申请' }).click()

  await expect(page.getByRole('heading', { name: '申请已提交' })).toBeVisible()
  const reference = (await page.locator('.ref').textContent())!.trim()
  expect(reference).toMatch(/^YCFY-\d{4}-\d{6}-[0-9A-Z]{5}$/)
  // where to bring the documents, and the offer to book the visit
  await expect(page.getByRole('heading', { name: '带上材料到这里' })).toBeVisible()
  await expect(page.locator('address')).toContainText(/地址：.+/)
  await expect(page.getByRole('link', { name: '预约到窗口递交材料' })).toBeVisible()

  // Upload photos or PDFs of the documents: the type is decided by the content, not the name.
  const docs = page.getByRole('region', { name: /上传材料/ })
  await docs.getByRole('radio', { name: /身份证明/ }).check()
  await docs.getByLabel(/选择文件/).setInputFiles({ name: '身份证.jpg', mimeType: 'image/jpeg', buffer: htmlFile() })
  await docs.getByRole('button', { name: '上传这个文件' }).click()
  await expect(docs.getByRole('alert')).toContainText('只能上传 JPG、PNG 照片或 PDF')
  await expect(docs.getByRole('alert')).toBeFocused()
  await docs.getByLabel(/选择文件/).setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: pngFile() })
  await docs.getByRole('button', { name: '上传这个文件' }).click()
  await expect(docs.getByRole('status')).toContainText('已上传第 1 个文件（身份证明）')
  await docs.getByRole('radio', { name: /与申请事项有关/ }).check()
  await docs.getByLabel(/选择文件/).setInputFiles({ name: '欠条.pdf', mimeType: 'application/pdf', buffer: pdfFile() })
  await docs.getByRole('button', { name: '上传这个文件' }).click()
  await expect(docs.getByRole('status')).toContainText('已上传第 2 个文件（案件材料）')
  await expect(docs.getByRole('listitem')).toHaveText([/身份证明：身份证\.png/, /案件材料：欠条\.pdf/])
  await scanBoth(page, 'application submitted')

  await page.getByRole('link', { name: '查询办理进度' }).click()
  await expect(page.getByLabel('受理编号')).toHaveValue(reference)
  await page.getByLabel(/联系电话/).fill(PHONE)
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByRole('heading', { name: /办理状态：已受理/ })).toBeVisible()
  await expect(page.getByText(/作出是否给予法律援助的决定/)).toBeVisible()
  await scanBoth(page, 'status page')

  // The reviewer signs in and grants.
  await signIn(page, 'reviewer1', '/staff/review')
  await expect(page.getByRole('heading', { level: 1, name: '法律援助审查队列' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: reference })
  await expect(row).toContainText('马**')
  await expect(page.locator('main')).not.toContainText(ID)
  await scanBoth(page, 'review queue')
  await row.getByRole('link', { name: reference }).click()
  await expect(page.getByRole('heading', { level: 1, name: `审查申请 ${reference}` })).toBeVisible()
  await expect(page.getByText(`6401**********${ID.slice(-4)}`)).toBeVisible()
  await expect(page.locator('main')).not.toContainText(PHONE)
  // The documents the applicant uploaded: listed, and each opens through the audited download.
  const staffDocs = page.getByRole('region', { name: '申请人上传的材料' })
  await expect(staffDocs.getByRole('listitem')).toHaveCount(2)
  const download = await page.request.get((await staffDocs.getByRole('link', { name: /下载.*第 2 个文件/ }).getAttribute('href'))!)
  expect(download.status()).toBe(200)
  expect(download.headers()['content-disposition']).toBe(`attachment; filename="${reference}-2.pdf"`)
  expect(Buffer.from(await download.body()).equals(pdfFile())).toBe(true)
  await scanBoth(page, 'review detail')
  // 显示完整号码 with JavaScript: the same audited reveal through the JSON route, no page load, never in the address
  await page.getByLabel('查看完整号码的用途（会记入审计日志）').fill('电话通知补充材料')
  await page.getByRole('button', { name: '显示完整电话' }).click()
  await expect(page.getByRole('region', { name: '申请人', exact: true })).toContainText(PHONE)
  await expect(page.locator('main').getByRole('status')).toContainText('已显示完整信息')
  expect(page.url()).not.toContain(PHONE)
  // Decisions are deliberate: nothing preselected, nothing sent without a confirmation naming the reference.
  const decide = page.getByRole('group', { name: /决定（没有默认选项/ })
  await expect(decide.getByRole('radio', { name: '给予法律援助' })).not.toBeChecked()
  await expect(decide.getByRole('radio', { name: /不予法律援助/ })).not.toBeChecked()
  await page.getByRole('button', { name: '核对决定…' }).click()
  await expect(page.getByText('请选择给予或不予法律援助')).toBeVisible()
  await decide.getByRole('radio', { name: /不予法律援助/ }).check()
  await page.getByRole('button', { name: '核对决定…' }).click()
  await expect(page.getByText(/不予法律援助应当书面说明理由/)).toBeVisible()
  await decide.getByRole('radio', { name: '给予法律援助' }).check()
  await page.getByRole('button', { name: '核对决定…' }).click()
  const confirm = page.getByRole('region', { name: '请确认决定' })
  await expect(page.getByRole('heading', { name: '请确认决定' })).toBeFocused()
  await expect(confirm).toContainText(reference)
  await expect(confirm).toContainText('作出决定：给予法律援助')
  await expect(page.getByRole('heading', { name: '指派承办人员' })).toHaveCount(0)
  await scanBoth(page, 'decision confirmation')
  await confirm.getByRole('button', { name: '确认：给予法律援助' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('已决定给予法律援助')
  await expect(page.getByRole('heading', { name: '指派承办人员' })).toBeVisible()
})

/**
 * Opens a step-by-address form with its next step's data arriving well after its address (a slow line):
 * the POSTs to `form` are collected.
 */
async function onASlowLine(page: Page, path: string, draft: string, form: string): Promise<string[]> {
  await page.goto(path)
  await waitForHydration(page)
  await page.route(`**${draft}**`, async (route) => { await new Promise(r => setTimeout(r, 1_500)); await route.continue() })
  const posts: string[] = []
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes(form)) posts.push(r.url()) })
  return posts
}

test('an answer is not sent twice while the next question is on its way', async ({ page }) => {
  const posts = await onASlowLine(page, '/eligibility', '/api/eligibility/draft', '/forms/eligibility')
  const section = page.locator('section.step')
  await page.getByRole('radio', { name: /讨工资、拖欠工钱/ }).check()
  await page.getByRole('button', { name: '继续' }).click()
  await page.waitForURL(/step=/)
  // the first question is still on screen: marked busy, and 继续 does not send it again
  await expect(page.getByRole('heading', { level: 2, name: '您遇到的是什么事？' })).toBeVisible()
  await expect(section).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByRole('button', { name: '继续' })).toHaveAttribute('aria-disabled', 'true')
  // (a person can press it: force skips Playwright's own wait for an enabled button)
  await page.getByRole('button', { name: '继续' }).click({ force: true })
  await expect(page.getByRole('heading', { level: 2, name: '需要法律援助的人是否属于下面这些情况？' })).toBeVisible()
  await expect(section).not.toHaveAttribute('aria-busy', 'true')
  expect(posts).toHaveLength(1)
})

test('an application step is not sent twice while the next step is on its way', async ({ page }) => {
  const posts = await onASlowLine(page, '/legal-aid/apply', '/api/legal-aid/apply-draft', '/forms/apply')
  const section = page.locator('section.step')
  const next = page.getByRole('button', { name: '下一步' })
  await page.getByRole('radio', { name: '我本人申请' }).check()
  await next.click()
  await page.waitForURL(/step=/)
  // the first step is still on screen: marked busy, and 下一步 does not send it again
  await expect(page.getByRole('radio', { name: '我本人申请' })).toBeVisible()
  await expect(section).toHaveAttribute('aria-busy', 'true')
  await expect(next).toHaveAttribute('aria-disabled', 'true')
  await next.click({ force: true })
  await expect(page.getByLabel('申请人姓名')).toBeVisible()
  await expect(section).not.toHaveAttribute('aria-busy', 'true')
  expect(posts).toHaveLength(1)
})
