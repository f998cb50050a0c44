import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'

/** Runs axe with the WCAG 2.1 A/AA rules and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, label = '') {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
  expect(summary, `axe violations ${label}`).toEqual([])
}

/** Waits until Vue has hydrated the server-rendered page (clicks before that do nothing). */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => !!(document.querySelector('#__nuxt') as unknown as { __vue_app__?: unknown } | null)?.__vue_app__)
}

/** Switches the large-text theme (长辈版) through the header button, as a user would. */
export async function enableLargeText(page: Page) {
  await waitForHydration(page)
  const btn = page.getByRole('button', { name: /长辈版/ })
  await btn.click()
  await expect(page.locator('html')).toHaveClass(/large-text/)
}

/** axe in the normal and the large-text theme, then back to normal. */
export async function scanBoth(page: Page, label: string) {
  await expectNoAxeViolations(page, `${label} (normal)`)
  await enableLargeText(page)
  await expectNoAxeViolations(page, `${label} (长辈版)`)
  await page.getByRole('button', { name: /长辈版|标准版/ }).click()
  await expect(page.locator('html')).not.toHaveClass(/large-text/)
}

/** Signs a demo staff member in through the login form (the caller checks where it lands). */
export async function signIn(page: Page, username: string, next?: string) {
  await page.goto(next ? `/staff/login?next=${next}` : '/staff/login')
  // With JavaScript, sign in as a user does once the form is live (the context's option is not public API).
  if ((page.context() as unknown as { _options?: { javaScriptEnabled?: boolean } })._options?.javaScriptEnabled !== false) await waitForHydration(page)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
}
