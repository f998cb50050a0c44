// The reviewer's decision without JavaScript (issue 8): every form on the review page is a real
// form. A decision still takes two steps — the form, then a confirmation naming the reference —
// and a refusal without reasons comes back with the message and what was typed.
import { expect, test } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

/** GB 11643 check character (the shared module pulls in the calendar, which Playwright's loader cannot import). */
function withCheckChar(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * w[i]!, 0)
  return first17 + '10X98765432'[sum % 11]
}

async function newApplication(request: import('@playwright/test').APIRequestContext, baseURL: string) {
  const seq = String(100 + Date.now() % 900)
  const phone = `139${String(Date.now()).slice(-8)}`
  const r = await request.post('/api/legal-aid/applications', {
    headers: { origin: baseURL },
    data: {
      applicant: { name: '马秀兰', idNumber: withCheckChar(`64010419880511${seq}`), phone, address: '银川市兴庆区某街道某小区 3 号楼' },
      matterSummary: '在工地干活三个月，包工头拖欠工资一万八千元，多次讨要未果。',
      screening: { matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } },
      consent: { processing: true, sensitive: false },
    },
  })
  expect(r.status()).toBe(201)
  return { ...(await r.json()) as { reference: string }, phone }
}

test('a reviewer refuses (reasons required), confirms, and the applicant\'s reasons are recorded — no JavaScript', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const { reference } = await newApplication(page.request, baseURL!)
  await signIn(page, 'reviewer1')
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
  await page.goto('/staff/review')
  await page.getByRole('link', { name: new RegExp(reference) }).click()
  await expect(page.getByRole('heading', { level: 1, name: `审查申请 ${reference}` })).toBeVisible()

  // refuse without reasons: back with the message, nothing decided
  const decide = page.locator('form').filter({ has: page.getByRole('button', { name: '核对决定…' }) })
  await decide.getByRole('radio', { name: /不予法律援助/ }).check()
  await decide.getByRole('button', { name: '核对决定…' }).click()
  await expect(page.getByRole('alert')).toContainText('至少 10 个字')
  await expect(decide.getByRole('radio', { name: /不予法律援助/ })).toBeChecked()

  const reasons = '经核查，申请人所述款项系借款，不属于法律援助的事项范围。'
  await decide.getByLabel(/不予法律援助的理由/).fill(reasons)
  await decide.getByRole('button', { name: '核对决定…' }).click()
  // the confirmation names the reference and the decision; nothing is decided yet
  const confirm = page.getByRole('region', { name: '请确认决定' })
  await expect(confirm).toContainText(reference)
  await expect(confirm).toContainText(reasons)
  await confirm.getByRole('button', { name: '确认：不予法律援助' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('已决定不予法律援助')
  await expect(page.getByRole('region', { name: '不予法律援助的理由' })).toContainText(reasons)
})

test('a reviewer grants and assigns without JavaScript; "返回修改" leaves the decision unmade', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const { reference } = await newApplication(page.request, baseURL!)
  await signIn(page, 'reviewer1')
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
  await page.goto('/staff/review')
  await page.getByRole('link', { name: new RegExp(reference) }).click()
  const decide = page.locator('form').filter({ has: page.getByRole('button', { name: '核对决定…' }) })
  await decide.getByRole('radio', { name: '给予法律援助' }).check()
  await decide.getByRole('button', { name: '核对决定…' }).click()
  await page.getByRole('region', { name: '请确认决定' }).getByRole('link', { name: '返回修改' }).click()
  await expect(page.getByRole('region', { name: '请确认决定' })).toHaveCount(0)
  await decide.getByRole('radio', { name: '给予法律援助' }).check()
  await decide.getByRole('button', { name: '核对决定…' }).click()
  await page.getByRole('region', { name: '请确认决定' }).getByRole('button', { name: '确认：给予法律援助' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('已决定给予法律援助')

  const assign = page.getByRole('region', { name: '指派承办人员' })
  await assign.getByLabel('承办律师或法律援助人员姓名').fill('李律师')
  await assign.getByLabel('律师事务所或法律援助机构').fill('宁夏某某律师事务所')
  await assign.getByRole('button', { name: '记录指派' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('已记录指派')
})

test('a reviewer reveals the full phone with a stated purpose, audited, shown once and never in the address — no JavaScript', async ({ page, baseURL, playwright }) => {
  test.setTimeout(120_000)
  const { reference, phone } = await newApplication(page.request, baseURL!)
  await signIn(page, 'reviewer1')
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
  await page.goto('/staff/review')
  await page.getByRole('link', { name: new RegExp(reference) }).click()
  await expect(page.getByRole('heading', { level: 1, name: `审查申请 ${reference}` })).toBeVisible()
  const reviewUrl = page.url()
  const who = page.getByRole('region', { name: '申请人', exact: true })
  await expect(who).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)

  // a purpose too short: back with the message on the field and what was typed, nothing shown
  const purpose = who.getByLabel('查看完整号码的用途（会记入审计日志）')
  await purpose.fill('看看')
  await who.getByRole('button', { name: '显示完整电话' }).click()
  await expect(page).toHaveURL(reviewUrl)
  await expect(who.getByRole('alert')).toContainText('至少 4 个字')
  await expect(purpose).toHaveValue('看看')
  await expect(purpose).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('main')).not.toContainText(phone)

  // a real purpose: the full number, once; the address never carries it
  await purpose.fill('电话通知补充材料')
  await who.getByRole('button', { name: '显示完整电话' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('已显示完整信息')
  await expect(who).toContainText(phone)
  expect(page.url()).toBe(reviewUrl)
  await page.reload()
  await expect(page.locator('main')).not.toContainText(phone)
  await expect(who).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)

  // audited like the JSON path: application.reveal with the purpose and the field
  const admin = await playwright.request.newContext({ baseURL })
  expect((await admin.post('/api/auth/login', { data: { username: 'admin', password: E2E_PASSWORD }, headers: { origin: baseURL! } })).status()).toBe(200)
  const id = new URL(reviewUrl).pathname.split('/').pop()
  const audit = (await (await admin.get('/api/staff/admin/audit?action=application.reveal&limit=100')).json()) as { items: Array<{ objectId: string, purpose: string, detail: unknown }> }
  expect(audit.items.filter(e => e.objectId === id)).toEqual([expect.objectContaining({ purpose: '电话通知补充材料', detail: { field: 'phone' } })])
  await admin.dispose()
})
