import { expect, test, type Page } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import { scanBoth, waitForHydration } from './helpers'

/** Presses Tab until `target` has focus (a keyboard user walking the page), at most `max` times. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 20) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate(el => el === document.activeElement)) return
  }
  throw new Error(`Tab 键 ${max} 次仍未到达目标元素`)
}

/** Signs in with the keyboard only: Tab to the user name, type, Tab to the password, type, Enter. */
async function signInByKeyboard(page: Page, username: string, password: string) {
  await waitForHydration(page)
  const user = page.getByRole('textbox', { name: '用户名' })
  await tabTo(page, user)
  await page.keyboard.type(username)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('密码')).toBeFocused()
  await page.keyboard.type(password)
  await page.keyboard.press('Enter')
}

const staffParts = (page: Page) => page.getByRole('navigation', { name: '您可以使用' })

test.describe('工作台 (staff console)', () => {
  test('a wrong password shows an alert linked to the form, and focus moves to it', async ({ page }) => {
    await page.goto('/staff/login')
    await expect(page.getByRole('heading', { level: 1, name: '工作人员登录' })).toBeVisible()
    await scanBoth(page, 'login')
    await signInByKeyboard(page, 'admin', 'not-the-password')
    const alert = page.getByRole('alert')
    await expect(alert).toHaveText('用户名或密码不正确。')
    await expect(alert).toBeFocused()
    const alertId = await alert.getAttribute('id')
    expect(alertId).toBeTruthy()
    const form = page.locator('form').filter({ has: page.getByLabel('密码') })
    await expect(form).toHaveAttribute('aria-describedby', new RegExp(`\\b${alertId}\\b`))
    await expect(page.getByLabel('密码')).toHaveValue('')
    await expect(page).toHaveURL(/\/staff\/login/)
    await scanBoth(page, 'login with error')
  })

  test('an admin signs in by keyboard and walks every admin page', async ({ page }) => {
    test.setTimeout(300_000)
    await page.goto('/staff/login')
    await signInByKeyboard(page, 'admin', E2E_PASSWORD)
    await expect(page).toHaveURL(/\/staff$/)
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
    await expect(staffParts(page).getByRole('link')).toHaveCount(8)
    await scanBoth(page, 'console home')

    const titles = new Set([await page.title()])
    const announcer = page.locator('.nuxt-route-announcer').getByRole('status')
    /** After a client-side navigation: the title is read out and focus is on the new page's h1. */
    async function arrived(h1: string | RegExp) {
      await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeFocused()
      const title = await page.title()
      await expect(announcer).toHaveText(title)
      titles.add(title)
    }

    await staffParts(page).getByRole('link', { name: '审计日志' }).click()
    await arrived('审计日志')
    const audit = page.getByRole('table', { name: /审计记录/ })
    await expect(audit.getByRole('columnheader', { name: '操作', exact: true })).toBeVisible()
    await expect(audit.getByRole('row').filter({ hasText: 'auth.login' }).first()).toContainText('登录')
    // Filter by person and by action, both in words.
    await page.getByRole('combobox', { name: '操作人' }).selectOption({ label: '系统管理员（示例）（admin，管理员）' })
    await page.getByRole('combobox', { name: '操作', exact: true }).selectOption({ label: '登录' })
    await page.getByRole('button', { name: '筛选' }).click()
    await expect(page).toHaveURL(/action=auth\.login/)
    await expect(audit.getByRole('row').nth(1)).toContainText('系统管理员（示例）')
    await scanBoth(page, 'audit')

    await page.getByRole('link', { name: /返回工作台/ }).click()
    await staffParts(page).getByRole('link', { name: '来电处理结果' }).click()
    await arrived('来电处理结果')
    await expect(page.getByRole('region', { name: '处理结果列表' })).toContainText('预约律师回拨')
    await scanBoth(page, 'hotline outcomes')

    await page.getByRole('link', { name: /返回工作台/ }).click()
    await staffParts(page).getByRole('link', { name: '检索队列' }).click()
    await arrived('检索队列')
    await expect(page.getByRole('combobox', { name: '任务状态' })).toBeVisible()
    await scanBoth(page, 'outbox')

    await page.getByRole('link', { name: /返回工作台/ }).click()
    await staffParts(page).getByRole('link', { name: '账号' }).click()
    await arrived('工作人员账号')
    await scanBoth(page, 'users')
    // An empty submit: every error is an alert linked to its field, and focus goes to the error
    // summary (the form kit), whose first link leads to the first field in error.
    await page.getByRole('button', { name: '创建账号' }).click()
    const username = page.getByRole('textbox', { name: '用户名' })
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    await expect(username).toHaveAccessibleDescription(/3-40 位小写字母.*用户名为 3-40 位/)
    await expect(page.locator('.error-summary')).toBeFocused()
    await page.locator('.error-summary').getByRole('link').first().click()
    await expect(username).toBeFocused()
    await scanBoth(page, 'users with errors')

    await username.fill('a11y.tester')
    await page.getByRole('textbox', { name: /姓名/ }).fill('无障碍测试员')
    await page.getByRole('combobox', { name: '角色' }).selectOption({ label: '法律援助审查' })
    await page.getByLabel('初始密码').fill('Long-enough-pass-42')
    await page.getByRole('button', { name: '创建账号' }).click()
    await expect(page.locator('main').getByRole('status')).toContainText('已创建账号 a11y.tester')
    const row = page.getByRole('table', { name: '工作人员账号列表' }).getByRole('row').filter({ hasText: 'a11y.tester' })
    await expect(row).toContainText('无障碍测试员')
    await expect(row).toContainText('正常')
    // By keyboard: the button keeps focus and now offers the opposite action.
    await row.getByRole('button', { name: '停用 a11y.tester' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('main').getByRole('status')).toContainText('已停用 a11y.tester')
    await expect(row).toContainText('已停用')
    await expect(row.getByRole('button', { name: '启用 a11y.tester' })).toBeFocused()
    await scanBoth(page, 'users after disabling')

    await page.getByRole('link', { name: /返回工作台/ }).click()
    await staffParts(page).getByRole('link', { name: /经济困难标准/ }).click()
    await arrived(/低保标准/)
    await expect(page.getByRole('table', { name: /标准版本/ }).getByRole('row').nth(1)).toBeVisible()
    await scanBoth(page, 'standards')
    // An empty version: focus goes to the first field in error, its message linked to it.
    await page.getByRole('button', { name: '添加' }).click()
    await expect(page.getByLabel('版本编号')).toBeFocused()
    await expect(page.getByLabel('版本编号')).toHaveAttribute('aria-invalid', 'true')
    await scanBoth(page, 'standards with errors')
    expect(titles.size, [...titles].join(' | ')).toBe(6)

    // Sign out: back on the sign-in page; the console now sends visitors there.
    await page.getByRole('link', { name: /返回工作台/ }).click()
    await page.getByRole('button', { name: '退出登录' }).click()
    await expect(page).toHaveURL(/\/staff\/login$/)
    await expect(page.getByRole('heading', { level: 1, name: '工作人员登录' })).toBeVisible()
    await page.goto('/staff')
    await expect(page).toHaveURL(/\/staff\/login\?next=(%2F|\/)staff$/)
    await expect(page.getByRole('heading', { level: 1, name: '工作人员登录' })).toBeVisible()
  })

  test('a reviewer signs in, sees the day\'s appointments and the review queue', async ({ page }) => {
    await page.goto('/staff/login')
    await signInByKeyboard(page, 'reviewer1', E2E_PASSWORD)
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
    await expect(staffParts(page).getByRole('link')).toHaveCount(2)
    await staffParts(page).getByRole('link', { name: '当日预约' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '当日预约' })).toBeVisible()
    await expect(page.getByLabel('日期')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)
    await expect(page.getByRole('status').filter({ hasText: /共 \d+ 个预约/ })).toBeVisible()
    await scanBoth(page, 'appointments day list')
    await page.getByRole('link', { name: '← 返回工作台' }).click()
    await staffParts(page).getByRole('link', { name: '审查队列' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '法律援助审查队列' })).toBeVisible()
    await expect(page.getByRole('combobox', { name: '显示' })).toBeVisible()
    await scanBoth(page, 'review queue')
    // The admin pages refuse a reviewer with a readable message.
    await page.goto('/staff/admin/users')
    await expect(page.getByRole('alert')).toContainText('没有此项权限')
    await scanBoth(page, 'forbidden page')
  })
})
