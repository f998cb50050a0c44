// The staff login works as a plain HTML form: with JavaScript off the browser POSTs the form to
// /staff/login (never a GET with the password in the address), gets 303 to the console with the
// session cookie, and a wrong password comes back to the form with a Chinese message.
import { expect, test } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'

test.use({ javaScriptEnabled: false })

test('staff sign in without JavaScript posts the form and lands in the console', async ({ page }) => {
  const requests: Array<{ method: string, url: string }> = []
  page.on('request', r => requests.push({ method: r.method(), url: r.url() }))
  await page.goto('/staff/login')
  await page.getByLabel('用户名').fill('editor1')
  await page.getByLabel('密码').fill('wrong-password-x')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/staff\/login\?error=INVALID_CREDENTIALS/)
  await expect(page.getByRole('alert')).toContainText('用户名或密码不正确')

  await page.getByLabel('用户名').fill('editor1')
  await page.getByLabel('密码').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/staff$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const cookies = await page.context().cookies()
  expect(cookies.some(c => c.name.endsWith('portal_session') && c.httpOnly)).toBe(true)

  const posts = requests.filter(r => r.url.includes('/staff/login') && r.method === 'POST')
  expect(posts).toHaveLength(2)
  expect(requests.some(r => r.url.includes('password') || r.url.includes(E2E_PASSWORD))).toBe(false)
})
