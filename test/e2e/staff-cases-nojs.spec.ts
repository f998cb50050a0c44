// The case editor without JavaScript (issue 8): 新建案例, 保存 and 发布/撤下 are real forms posting to
// /staff/cases/** (server/routes/staff/cases), answered with 303; a refused save comes back with the
// error summary, each field's message and what was typed.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

const EXPLANATION = '根据《保障农民工工资支付条例》，分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再依法进行追偿。'.repeat(3)

test('an editor creates a draft, fixes a refused save, edits and publishes a case — no JavaScript', async ({ page }) => {
  test.setTimeout(120_000)
  const slug = `nojs-case-${Date.now().toString(36)}`
  await signIn(page, 'editor1')
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()

  await page.goto('/staff/cases/new')
  // 预览 needs the page's script: without it the button is not offered (it would do nothing).
  await expect(page.getByRole('button', { name: '保存草稿' })).toBeVisible()
  await expect(page.getByRole('button', { name: '预览' })).toHaveCount(0)
  await page.getByLabel('网址标识').fill(slug)
  await page.getByLabel('标题（老百姓的问法）').fill('工地包工头跑了工资找谁要')
  await page.getByLabel('案情').fill('李某在兴庆区某工地干了八个月活，包工头一直拖着不结账，年底说老板跑了，李某和工友们不知道去哪里讨要。这是一段足够长的测试案情文字。')
  // too short: the route refuses with the same schema, and the page comes back with what was typed
  await page.getByLabel('摘要（不超过 120 字）').fill('太短')
  await page.getByRole('button', { name: '保存草稿' }).click()
  await expect(page).toHaveURL(/\/staff\/cases\/new$/)
  const summary = page.locator('.error-summary')
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('link', { name: /摘要至少需要 10 个字/ })).toBeVisible()
  await expect(page.getByLabel('网址标识')).toHaveValue(slug)
  await expect(page.getByLabel('摘要（不超过 120 字）')).toHaveAttribute('aria-invalid', 'true')

  await page.getByLabel('摘要（不超过 120 字）').fill('包工头跑路，总承包单位要先行清偿农民工工资。')
  await page.getByLabel('争议焦点').fill('包工头跑了，工资找谁要？')
  await page.getByLabel('处理结果').fill('经劳动保障监察部门督促，总承包单位先行清偿了拖欠的工资。')
  await page.getByLabel('释法').fill(EXPLANATION)
  await page.getByLabel('来源').fill('银川市公共法律服务平台编写（测试）')
  await page.getByLabel('你可以怎么做（每行一条）').fill('保存好考勤记录、工资条和聊天记录。\n向劳动保障监察部门投诉或申请劳动仲裁，也可拨打12348。')
  await page.getByLabel('常见问法（每行一条，至少 3 条）').fill('包工头跑了工资找谁要\n工地欠薪找谁\n总包要不要替分包还工资')
  await page.getByLabel('引用法条编号（每行一个，如 L67a404eb29-a0031）').fill('Lef955985f1-a0030')
  await page.getByRole('checkbox', { name: '农民工' }).check()
  await page.getByRole('button', { name: '保存草稿' }).click()

  await expect(page).toHaveURL(/\/staff\/cases\/[0-9a-f-]{36}\?saved=1$/)
  await expect(page.getByRole('status')).toContainText('草稿已保存')
  await expect(page.getByText('状态：')).toContainText('草稿')
  await expect(page.getByRole('checkbox', { name: '农民工' })).toBeChecked()

  // edit (the version the editor saw travels in a hidden field), then publish
  await page.getByLabel('标题（老百姓的问法）').fill('工地包工头跑了，工资找谁要')
  await page.getByRole('button', { name: '保存', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('已保存。')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工地包工头跑了，工资找谁要')
  await expect(page.getByText('状态：')).toContainText('第 2 版')

  await page.getByRole('button', { name: '发布' }).click()
  await expect(page.getByRole('status')).toContainText('已发布')
  await expect(page.getByRole('link', { name: '查看公开页面' })).toHaveAttribute('href', `/cases/${slug}`)
  await page.getByRole('button', { name: '撤下' }).click()
  await expect(page.getByRole('status')).toContainText('已撤下')
})

test('a case that cannot be loaded: 重试 is a link that loads the page again — no JavaScript', async ({ page }) => {
  await signIn(page, 'editor1')
  const path = '/staff/cases/00000000-0000-4000-8000-000000000000'
  await page.goto(path)
  await expect(page.getByRole('alert')).toBeVisible()
  const retry = page.getByRole('link', { name: '重试' })
  await expect(retry).toHaveAttribute('href', path)
  await retry.click()
  await expect(page).toHaveURL(new RegExp(`${path}$`))
  await expect(page.getByRole('alert')).toBeVisible()
})
