import { expect, test, type Locator, type Page } from '@playwright/test'
// pii.ts, not id-number.ts: the latter imports the calendar's JSON data, which Playwright's loader cannot import.
import { idNumberCheckChar } from '../../shared/domain/cases/pii'
import { enableLargeText, expectNoAxeViolations, waitForHydration } from './helpers'

const withCheckChar = (first17: string) => first17 + idNumberCheckChar(first17)

// Residents on a phone, in the normal and in the large-text (长辈版) theme, using the keyboard only.

const PHONE_VIEWPORT = { width: 375, height: 740 }

async function expectNoHorizontalOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `horizontal overflow ${label}`).toBeLessThanOrEqual(0)
}

/** The way out on every step: 12348 and the service points, in the page's 人工帮助 box. */
async function expectWayOut(page: Page) {
  const help = page.getByRole('complementary', { name: '人工帮助' })
  await expect(help.getByRole('link', { name: '12348' })).toHaveAttribute('href', 'tel:12348')
  await expect(help.getByRole('link', { name: '12348' })).toBeVisible()
  await expect(help.getByRole('link', { name: /服务网点/ })).toBeVisible()
}

/** Presses Tab until focus is inside `target` (a keyboard user walking forward through the page). */
async function tabInto(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate(el => el.contains(document.activeElement))) return
  }
  throw new Error(`Tab 键 ${max} 次仍未到达目标`)
}

/** Tab into a radio group, arrow to the option, Space to choose it. */
async function chooseRadio(page: Page, group: Locator, name: string | RegExp) {
  await tabInto(page, group)
  const radio = group.getByRole('radio', { name })
  for (let i = 0; i < 30 && !(await radio.evaluate(el => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown')
  await expect(radio).toBeFocused()
  await page.keyboard.press('Space')
  await expect(radio).toBeChecked()
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabInto(page, field)
  await page.keyboard.type(text)
}

async function pressButton(page: Page, name: string) {
  await tabInto(page, page.getByRole('button', { name, exact: true }))
  await page.keyboard.press('Enter')
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name })

/** Every state of a step: focused heading, way out, no sideways scrolling, axe clean. */
async function checkStep(page: Page, title: string, label: string) {
  await expect(heading(page, title)).toBeFocused()
  await expectWayOut(page)
  await expectNoHorizontalOverflow(page, label)
  await expectNoAxeViolations(page, label)
}

for (const large of [false, true]) {
  const mode = large ? '长辈版' : '标准版'

  test.describe(`on a phone (${mode})`, () => {
    test.use({ viewport: PHONE_VIEWPORT })

    test.beforeEach(async ({ page }) => {
      await page.goto('/')
      if (large) await enableLargeText(page)
      else await waitForHydration(page)
    })

    test(`the questionnaire: keyboard only, one question per page, errors summarised, answers kept through reloads and back/forward (${mode})`, async ({ page }) => {
      test.setTimeout(150_000)
      await page.goto('/eligibility')
      await waitForHydration(page)
      if (large) expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18)
      await expect(heading(page, '您遇到的是什么事？')).toBeVisible()
      await expect(page.getByText(/^第 1 个问题，后面大约还有 \d+ 个$/)).toBeVisible()
      await expectWayOut(page)
      await expectNoHorizontalOverflow(page, `${mode} matter`)
      await expectNoAxeViolations(page, `${mode} matter`)

      // Going on without an answer: an error summary, focused, linking to the question.
      await pressButton(page, '继续')
      const summary = page.getByRole('alert').filter({ hasText: '请修改以下问题' })
      await expect(summary).toBeFocused()
      await expect(summary.getByRole('link', { name: '请回答：您遇到的是什么事？' })).toHaveAttribute('href', '#q-matter-0')
      await expect(page).toHaveTitle(/^错误：/)
      await expectNoAxeViolations(page, `${mode} matter with error`)

      await chooseRadio(page, page.getByRole('group', { name: /请选择最接近的一项/ }), /要抚养费、赡养费/)
      await pressButton(page, '继续')
      await checkStep(page, '需要法律援助的人是否属于下面这些情况？', `${mode} status`)
      const none = page.getByRole('checkbox', { name: '以上都不是' })
      await tabInto(page, none)
      await page.keyboard.press('Space')
      await expect(none).toBeChecked()
      await pressButton(page, '继续')

      await checkStep(page, '申请人的年龄', `${mode} age`)
      await chooseRadio(page, page.getByRole('group', { name: '申请人现在多大年纪？' }), '18 至 59 周岁')
      await pressButton(page, '继续')
      await checkStep(page, '申请人是否有残疾？', `${mode} disability`)
      await chooseRadio(page, page.getByRole('group', { name: /请选择一项/ }), '无残疾')
      await pressButton(page, '继续')
      await checkStep(page, '申请人住在哪里？', `${mode} place`)
      await chooseRadio(page, page.getByRole('group', { name: /哪个县/ }), '金凤区')
      await chooseRadio(page, page.getByRole('group', { name: /城镇居民还是农村居民/ }), '城镇居民')
      await pressButton(page, '继续')

      await checkStep(page, '家里有几口人，每月收入多少？', `${mode} income`)
      await expect(page.getByText(/^第 6 个问题/)).toBeVisible()
      await expect(page).toHaveURL(/step=6$/)
      await typeInto(page, page.getByLabel('家里共有几口人（一起生活的）'), '3')
      await typeInto(page, page.getByLabel('全家每月收入合计（元）'), '2000元多')
      await pressButton(page, '继续')
      // A mistyped figure: the summary links to the field, which says what is wrong; what was typed stays.
      await expect(page.getByRole('alert').filter({ hasText: '请填写 0 或正数（单位：元）' })).toBeFocused()
      const income = page.getByLabel('全家每月收入合计（元）')
      await expect(income).toHaveAttribute('aria-invalid', 'true')
      await expect(income).toHaveAccessibleDescription(/请填写 0 或正数（单位：元）/)
      await expect(income).toHaveValue('2000元多')
      await expect(page.getByLabel('家里共有几口人（一起生活的）')).toHaveValue('3')
      await expectNoAxeViolations(page, `${mode} income with error`)
      await income.fill('2000')
      await income.focus()
      await pressButton(page, '继续')

      await checkStep(page, '事情紧急吗？', `${mode} urgency`)
      await expect(page.getByText('第 7 个问题，共 7 个')).toBeVisible()
      // A reload keeps every answer (kept on the server side, never in the URL).
      await page.reload()
      await waitForHydration(page)
      await expect(heading(page, '事情紧急吗？')).toBeVisible()
      expect(page.url()).not.toMatch(/2000|jinfeng|金凤/)
      await chooseRadio(page, page.getByRole('group', { name: /最后期限/ }), '否')
      await chooseRadio(page, page.getByRole('group', { name: /保全/ }), '否')
      await pressButton(page, '继续')
      await expect(heading(page, '测评结果')).toBeFocused()
      await expectWayOut(page)
      await expectNoHorizontalOverflow(page, `${mode} result`)
      await expectNoAxeViolations(page, `${mode} result`)

      // Back from the result is the last question, answered; forward shows the result again.
      await page.goBack()
      await expect(heading(page, '事情紧急吗？')).toBeVisible()
      await expect(page.getByRole('group', { name: /保全/ }).getByRole('radio', { name: '否' })).toBeChecked()
      await page.getByRole('link', { name: '上一个问题' }).click()
      await expect(heading(page, '家里有几口人，每月收入多少？')).toBeFocused()
      await expect(page.getByLabel('全家每月收入合计（元）')).toHaveValue('2000')
      await page.goBack()
      await expect(heading(page, '事情紧急吗？')).toBeVisible()
      await page.goForward()
      await expect(heading(page, '家里有几口人，每月收入多少？')).toBeVisible()
    })

    test(`the application form keeps a half-filled draft after a reload (${mode})`, async ({ page }) => {
      const id = withCheckChar('64010519700301002')
      await page.goto('/legal-aid/apply')
      await waitForHydration(page)
      await expect(page.getByRole('heading', { level: 1, name: '申请法律援助' })).toBeVisible()
      await checkStep(page, '谁需要法律援助？', `${mode} apply who`)
      await chooseRadio(page, page.getByRole('group', { name: '请选择' }), '我本人申请')
      await pressButton(page, '下一步')

      await checkStep(page, '申请人的基本信息', `${mode} apply applicant`)
      await typeInto(page, page.getByLabel('申请人姓名'), '李秀兰')
      await typeInto(page, page.getByLabel(/申请人身份证号/), id)
      // Going on with a missing phone: the error summary takes focus and links to the field.
      await pressButton(page, '下一步')
      const phone = page.getByLabel(/联系电话/)
      await expect(page.locator('.error-summary')).toBeFocused()
      await expect(phone).toHaveAttribute('aria-invalid', 'true')
      await expect(phone).toHaveAccessibleDescription(/./)
      await page.locator('.error-summary').getByRole('link', { name: /电话/ }).click()
      await expect(phone).toBeFocused()
      await expectWayOut(page)
      await expectNoHorizontalOverflow(page, `${mode} apply errors`)
      await expectNoAxeViolations(page, `${mode} apply errors`)
      // A reload keeps what was typed (kept on the server side, never in the URL).
      await page.reload()
      await waitForHydration(page)
      await expect(page.getByLabel('申请人姓名')).toHaveValue('李秀兰')
      expect(page.url()).not.toContain(id)

      // Back and forward keep the draft.
      await page.goBack()
      await expect(heading(page, '谁需要法律援助？')).toBeFocused()
      await expect(page.getByRole('radio', { name: '我本人申请' })).toBeChecked()
      await page.goForward()
      // the step still has its errors (until it is sent again): the summary takes focus again
      await expect(heading(page, '申请人的基本信息')).toBeVisible()
      await expect(page.locator('.error-summary')).toBeFocused()
      await expect(page.getByLabel('申请人姓名')).toHaveValue('李秀兰')
    })

    test(`the status page: keyboard look-up, errors linked, axe clean (${mode})`, async ({ page }) => {
      await page.goto('/legal-aid/status')
      await waitForHydration(page)
      await expect(page.getByRole('heading', { level: 1, name: '法律援助申请进度查询' })).toBeVisible()
      await expectWayOut(page)
      await expectNoHorizontalOverflow(page, `${mode} status`)
      await expectNoAxeViolations(page, `${mode} status`)

      // Empty: the error summary takes focus; its first link leads to the first field, whose message is linked to it.
      await pressButton(page, '查询')
      const ref = page.getByLabel('受理编号')
      await expect(page.locator('.error-summary')).toBeFocused()
      await expect(ref).toHaveAttribute('aria-invalid', 'true')
      await expectNoAxeViolations(page, `${mode} status errors`)
      await page.locator('.error-summary').getByRole('link').first().click()
      await expect(ref).toBeFocused()

      await page.keyboard.type('YCFY-2026-000999-ABCDE')
      await typeInto(page, page.getByLabel(/联系电话/), '13995100000')
      await page.keyboard.press('Enter')
      const alert = page.getByRole('alert').filter({ hasText: '找不到该申请' })
      await expect(alert).toBeVisible()
      const alertId = await alert.getAttribute('id')
      await expect(page.getByRole('form', { name: '查询申请进度' })).toHaveAttribute('aria-describedby', alertId!)
      await expectNoHorizontalOverflow(page, `${mode} status not found`)
      await expectNoAxeViolations(page, `${mode} status not found`)
    })

    test(`the service points page (${mode})`, async ({ page }) => {
      await page.goto('/service-points')
      await expect(page.getByRole('heading', { level: 1, name: '公共法律服务网点' })).toBeVisible()
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
      await expectNoHorizontalOverflow(page, `${mode} service points`)
      await expectNoAxeViolations(page, `${mode} service points`)
    })
  })
}

test.describe('page changes are announced', () => {
  test('a client-side navigation announces the new title and puts focus on its heading', async ({ page }) => {
    await page.goto('/')
    await waitForHydration(page)
    const announcer = page.locator('.nuxt-route-announcer').getByRole('status')
    const homeTitle = await page.title()
    await page.locator('main').getByRole('link', { name: '找服务网点' }).click()
    await expect(page).toHaveURL(/\/service-points$/)
    await expect(page).toHaveTitle('公共法律服务网点 - 银川市公共法律服务平台')
    await expect(announcer).toHaveText('公共法律服务网点 - 银川市公共法律服务平台')
    await expect(page.getByRole('heading', { level: 1, name: '公共法律服务网点' })).toBeFocused()

    // Through the main navigation: each page has its own title, and it is read out.
    const titles = new Set([homeTitle, await page.title()])
    for (const [link, path] of [['法律援助自测', /\/eligibility/], ['查法律·看案例', /\/search/]] as const) {
      const before = await page.title()
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: link }).click()
      await expect(page).toHaveURL(path)
      await expect(page).not.toHaveTitle(before)
      const now = await page.title()
      await expect(announcer).toHaveText(now)
      titles.add(now)
    }
    expect(titles.size).toBe(4)
  })
})
