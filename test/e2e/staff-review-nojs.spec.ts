// The reviewer's decision without JavaScript (issue 8): every form on the review page is a real
// form. A decision still takes two steps — the form, then a confirmation naming the reference —
// and a refusal without reasons comes back with the message and what was typed.
import { expect, test } from '@playwright/test'
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
  const r = await request.post('/api/legal-aid/applications', {
    headers: { origin: baseURL },
    data: {
      applicant: { name: '马秀兰', idNumber: withCheckChar(`64010419880511${seq}`), phone: `139${String(Date.now()).slice(-8)}`, address: '银川市兴庆区某街道某小区 3 号楼' },
      matterSummary: '在工地干活三个月，包工头拖欠工资一万八千元，多次讨要未果。',
      screening: { matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } },
      consent: { processing: true, sensitive: false },
    },
  })
  expect(r.status()).toBe(201)
  return (await r.json()) as { reference: string }
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
