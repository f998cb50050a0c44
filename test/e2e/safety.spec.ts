// Issue 14: safety for people at risk (快速离开, Esc ×3), the 长辈版 switch's state, and the 404
// page in the site's layout and language — on a phone, in both text sizes, with axe.
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, waitForHydration } from './helpers'

const NEUTRAL = 'https://www.weather.com.cn/'

/** The neutral site is stubbed (no internet in CI): the test checks where the tab went. */
async function stubNeutralSite(page: Page) {
  await page.route('https://www.weather.com.cn/**', r => r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>天气</title><p>今天晴</p>' }))
}

async function cannotGoBackToPortal(page: Page) {
  // Playwright's tab starts at about:blank: back may reach it, never the portal page
  await page.goBack().catch(() => null)
  expect(page.url()).not.toContain('127.0.0.1')
  expect(['about:blank', NEUTRAL]).toContain(page.url())
}

test.use({ viewport: { width: 360, height: 740 } })

for (const large of [false, true]) {
  const mode = large ? '长辈版' : '标准版'
  test.describe(`快速离开 (${mode})`, () => {
    test.beforeEach(async ({ context }) => {
      if (large) await context.addCookies([{ name: 'large_text', value: '1', url: 'http://127.0.0.1' }])
    })

    test('the button replaces the page, leaving nothing to go back to', async ({ page }) => {
      await stubNeutralSite(page)
      await page.goto('/eligibility')
      await waitForHydration(page)
      if (large) await expect(page.locator('html')).toHaveClass(/large-text/)
      const exit = page.locator('[data-quick-exit]')
      await expect(exit).toHaveCount(1)
      await expect(exit).toHaveAccessibleName('快速离开')
      await expect(exit).toHaveAttribute('rel', 'noreferrer')
      await expectNoAxeViolations(page, `questionnaire with quick exit (${mode})`)
      await exit.click()
      await page.waitForURL(NEUTRAL)
      await cannotGoBackToPortal(page)
    })

    test('Esc pressed three times leaves too', async ({ page }) => {
      await stubNeutralSite(page)
      await page.goto('/search')
      await waitForHydration(page)
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      expect(page.url()).toContain('/search')
      await page.keyboard.press('Escape')
      await page.waitForURL(NEUTRAL)
      await cannotGoBackToPortal(page)
    })
  })
}

test('快速离开 forgets the half-filled booking form too (its draft is one of the portal\'s)', async ({ page }) => {
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))
  await stubNeutralSite(page)
  await page.goto('/appointments')
  await waitForHydration(page)
  await page.getByLabel('姓名').fill('马秀兰')
  await expect.poll(stored).toContain('马秀兰')
  await page.locator('[data-quick-exit]').click()
  await page.waitForURL(NEUTRAL)
  await page.goto('/appointments')
  await waitForHydration(page)
  await expect(page.getByLabel('姓名')).toHaveValue('')
  expect(await stored()).not.toContain('马秀兰')
})

test('every public page has the quick exit; staff pages do not', async ({ page }) => {
  for (const path of ['/', '/search', '/eligibility', '/legal-aid/apply', '/legal-aid/status', '/appointments', '/service-points']) {
    await page.goto(path)
    await expect(page.locator('[data-quick-exit]'), path).toHaveCount(1)
  }
  await page.goto('/staff/login')
  await expect(page.locator('[data-quick-exit]')).toHaveCount(0)
})

test('the 长辈版 switch keeps its name and reports its state, also as first rendered', async ({ page }) => {
  await page.goto('/')
  await waitForHydration(page)
  const sw = page.getByRole('button', { name: '长辈版（大字）' })
  await expect(sw).toHaveAttribute('aria-pressed', 'false')
  await sw.click()
  await expect(page.locator('html')).toHaveClass(/large-text/)
  await expect(sw).toHaveAttribute('aria-pressed', 'true')
  // the server-rendered page already says "pressed"
  const html = await (await page.request.get('/')).text()
  expect(html).toMatch(/<button[^>]*aria-pressed="true"[^>]*>/)
  await sw.click()
  await expect(sw).toHaveAttribute('aria-pressed', 'false')
})

test('the 404 page is Chinese, in the site layout, honours 长辈版 and passes axe', async ({ page, context }) => {
  const res = await page.goto('/no-such-page')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: '找不到这个页面' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page).toHaveTitle(/找不到这个页面/)
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
  await expect(page.locator('[data-quick-exit]')).toHaveCount(1)
  await expect(page.getByRole('link', { name: /12348/ }).first()).toBeVisible()
  await expectNoAxeViolations(page, '404 normal')
  await context.addCookies([{ name: 'large_text', value: '1', url: 'http://127.0.0.1' }])
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/large-text/)
  await expectNoAxeViolations(page, '404 长辈版')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('快速离开 is a plain link to the neutral site, and 长辈版 works as a form', async ({ page }) => {
    await stubNeutralSite(page)
    await page.goto('/legal-aid/status')
    await page.getByRole('button', { name: '长辈版（大字）' }).click()
    await expect(page.locator('html')).toHaveClass(/large-text/)
    await expect(page).toHaveURL(/\/legal-aid\/status$/)
    await expect(page.getByRole('button', { name: '长辈版（大字）' })).toHaveAttribute('aria-pressed', 'true')
    await page.locator('[data-quick-exit]').click()
    await page.waitForURL(NEUTRAL)
  })
})

const MATTER_WORDS = /家暴|家庭暴力|暴力|虐待|遗弃|violence|abuse/i

test.describe('the domestic-violence path stays discreet', () => {
  test.use({ viewport: { width: 360, height: 740 } })
  for (const large of [false, true]) {
    test(`no matter words in URLs or titles, the safety note on every step (${large ? '长辈版' : '标准版'})`, async ({ page, context }) => {
      test.setTimeout(120_000)
      if (large) await context.addCookies([{ name: 'large_text', value: '1', url: 'http://127.0.0.1' }])
      // the next question's data arrives a moment after its address (as on a slow line), so that the walk
      // below must wait for the page itself and not only for the URL
      await page.route('**/api/eligibility/draft**', async (route) => { await new Promise(r => setTimeout(r, 400)); await route.continue() })
      const seen: string[] = []
      page.on('framenavigated', (f) => { if (f === page.mainFrame()) seen.push(f.url()) })
      // an old-style link naming the matter is turned into the neutral code at once
      await page.goto('/eligibility?matter=abuse_or_domestic_violence')
      await expect(page).toHaveURL(/\/eligibility\?matter=m03$/)
      await waitForHydration(page)
      const titles: string[] = []
      const note = page.getByRole('complementary', { name: '您的安全最重要' })
      await expect(note).toContainText('110')
      await expect(note).toContainText('12338')
      await expect(note).toContainText(/清除浏览记录/)
      await expect(page.getByRole('radio', { name: /家暴、虐待、遗弃/ })).toBeChecked()
      await expectNoAxeViolations(page, 'DV step 1')
      for (let i = 0; i < 12; i++) {
        titles.push(await page.title())
        if (await page.getByRole('heading', { level: 2, name: '测评结果' }).isVisible()) break
        await expect(note).toBeVisible()
        // answer each question with its first option ("none of these" where there is one; the matter came with the link)
        for (const group of await page.locator('form[action="/forms/eligibility"] fieldset').all()) {
          const none = group.getByRole('checkbox', { name: /以上都不是|都不是/ })
          if (await none.count()) await none.check()
          else if (!(await group.locator('input:checked').count())) await group.getByRole('radio').first().check()
        }
        for (const input of await page.locator('form[action="/forms/eligibility"] input[type="text"]').all()) await input.fill('1')
        const before = page.url()
        const step = page.locator('form[action="/forms/eligibility"] input[name="step"]')
        const number = await step.inputValue()
        await page.getByRole('button', { name: '继续' }).click()
        await page.waitForURL(u => u.href !== before)
        // the address changes before the next question's data arrives: wait for the page itself to move on
        // (the result, or a form for another step), or the next round would answer the old form again
        await expect(async () => {
          if (await page.locator('#result-title').isVisible()) return
          expect(await step.inputValue({ timeout: 1_000 })).not.toBe(number)
        }).toPass({ timeout: 10_000 })
      }
      await expect(page.getByRole('heading', { level: 2, name: '测评结果' })).toBeVisible()
      await expect(note).toBeVisible()
      await expectNoAxeViolations(page, 'DV result')
      titles.push(await page.title())
      // no "similar cases" links on this path (their addresses and titles name the matter)
      await expect(page.locator('a[href^="/cases/"]')).toHaveCount(0)
      for (const u of seen) expect(decodeURIComponent(u), u).not.toMatch(MATTER_WORDS)
      for (const t of titles) expect(t).not.toMatch(MATTER_WORDS)
      expect(seen.length).toBeGreaterThan(2)
    })
  }
})
