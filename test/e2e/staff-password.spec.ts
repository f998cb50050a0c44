// Staff passwords (issue 8): an administrator resets a member's password from the accounts page;
// the member's next sign-in leads to the password page and nowhere else until a new password is
// set. Once with JavaScript (axe in both text sizes), once without it (plain form posts, 303s).
import { expect, test, type Browser, type Page } from '@playwright/test'
import { scanBoth, signIn, waitForHydration } from './helpers'

const START = 'Chu-Shi-Mi-Ma-42'

async function createAccount(page: Page, username: string) {
  await page.goto('/staff/admin/users')
  await page.getByRole('textbox', { name: '用户名' }).fill(username)
  await page.getByRole('combobox', { name: '角色' }).selectOption({ label: '案例编辑' })
  await page.getByLabel('初始密码').fill(START)
  await page.getByRole('button', { name: '创建账号' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText(`已创建账号 ${username}`)
}

async function resetPassword(page: Page, username: string, temporary: string) {
  await page.getByRole('combobox', { name: '账号' }).selectOption({ label: username })
  await page.getByLabel('临时密码').fill(temporary)
  await page.getByRole('button', { name: '重置密码' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText(`已重置 ${username} 的密码`)
  await expect(page.getByRole('row').filter({ hasText: username })).toContainText('待本人修改密码')
}

async function memberPage(browser: Browser, javaScriptEnabled: boolean) {
  const ctx = await browser.newContext({ javaScriptEnabled, locale: 'zh-CN' })
  return ctx.newPage()
}

for (const js of [true, false]) {
  test(`an administrator's reset forces a new password at the next sign-in (${js ? 'with' : 'without'} JavaScript)`, async ({ browser }) => {
    test.setTimeout(120_000)
    const admin = await (await browser.newContext({ javaScriptEnabled: js, locale: 'zh-CN' })).newPage()
    await signIn(admin, 'admin')
    await expect(admin.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
    const username = `pw.${js ? 'js' : 'nojs'}${Date.now().toString(36)}`
    await admin.goto('/staff/admin/users')
    if (js) await waitForHydration(admin)
    await createAccount(admin, username)

    // the member is signed in somewhere when the reset happens
    const member = await memberPage(browser, js)
    await member.goto('/staff/login')
    if (js) await waitForHydration(member)
    await member.getByLabel('用户名').fill(username)
    await member.getByLabel('密码').fill(START)
    await member.getByRole('button', { name: '登录' }).click()
    await expect(member.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()

    // a weak temporary password comes back with its message on the field
    await admin.getByRole('combobox', { name: '账号' }).selectOption({ label: username })
    await admin.getByLabel('临时密码').fill('short')
    await admin.getByRole('button', { name: '重置密码' }).click()
    await expect(admin.getByLabel('临时密码')).toHaveAttribute('aria-invalid', 'true')
    await expect(admin.locator('.error-summary')).toContainText('密码至少需要 10 个字符')
    await resetPassword(admin, username, 'Lin-Shi-Mi-Ma-88')

    // the member's session ended
    await member.goto('/staff')
    await expect(member).toHaveURL(/\/staff\/login\?next=/)
    if (js) await waitForHydration(member)
    await member.getByLabel('用户名').fill(username)
    await member.getByLabel('密码').fill('Lin-Shi-Mi-Ma-88')
    await member.getByRole('button', { name: '登录' }).click()
    await expect(member).toHaveURL(/\/staff\/password$/)
    await expect(member.getByRole('heading', { level: 1, name: '修改密码' })).toBeVisible()
    await expect(member.locator('main').getByRole('status')).toContainText('管理员已重置您的密码')
    if (js) await scanBoth(member, 'password page')
    // nothing else is open until the new password is set
    await member.goto('/staff/cases')
    await expect(member).toHaveURL(/\/staff\/password$/)
    if (js) await waitForHydration(member)

    await member.getByLabel(/当前密码/).fill('Lin-Shi-Mi-Ma-88')
    await member.getByLabel('新密码', { exact: true }).fill('Wo-De-Xin-Mi-Ma-1')
    await member.getByLabel('再输入一次新密码').fill('Wo-De-Xin-Mi-Ma-2')
    await member.getByRole('button', { name: '保存新密码' }).click()
    await expect(member.getByLabel('再输入一次新密码')).toHaveAttribute('aria-invalid', 'true')
    await expect(member.locator('.error-summary')).toContainText('两次输入的新密码不一致')
    if (js) await scanBoth(member, 'password page with errors')

    await member.getByLabel(/当前密码/).fill('Lin-Shi-Mi-Ma-88')
    await member.getByLabel('新密码', { exact: true }).fill('Wo-De-Xin-Mi-Ma-1')
    await member.getByLabel('再输入一次新密码').fill('Wo-De-Xin-Mi-Ma-1')
    await member.getByRole('button', { name: '保存新密码' }).click()
    await expect(member).toHaveURL(/\/staff\?changed=password$/)
    await expect(member.locator('main').getByRole('status')).toContainText('密码已修改')
    await member.getByRole('link', { name: '案例编辑' }).click()
    await expect(member.getByRole('heading', { level: 1 })).toContainText('案例')
    await admin.context().close()
    await member.context().close()
  })
}
