import { expect, test, type Page } from '@playwright/test'
import { scanBoth, waitForHydration } from './helpers'

// 法律援助法第二十五条第一款: the family of a defendant who may face the death penalty learns that a lawyer
// MUST be appointed, without application or means test (第（四）项); a death-penalty-review defendant
// learns that appointment follows an APPLICATION (第（五）项). Axe in both text sizes.

async function answer(page: Page, option: RegExp) {
  await page.getByRole('radio', { name: option }).check()
  await page.getByRole('button', { name: '继续' }).click()
}

async function startDefence(page: Page, asker: RegExp) {
  await page.goto('/eligibility')
  await waitForHydration(page)
  // the first question is not focused on arrival (focus moves with each answer)
  await expect(page.getByRole('heading', { level: 2, name: '您遇到的是什么事？' })).toBeVisible()
  await answer(page, /被抓、被起诉/)
  await expect(page.getByRole('heading', { level: 2, name: '是您自己的事，还是替家人问？' })).toBeFocused()
  await answer(page, asker)
  await expect(page.getByRole('heading', { level: 2, name: '当事人现在有没有请律师？' })).toBeFocused()
  await answer(page, /没有请律师/)
  await expect(page.getByRole('heading', { level: 2, name: '案件是哪种情况？' })).toBeFocused()
}

test('family of a defendant facing a possible death sentence: a lawyer must be appointed, no application, no means test', async ({ page }) => {
  test.setTimeout(120_000)
  await startDefence(page, /替家人问/)
  await scanBoth(page, 'defence stage question')
  await answer(page, /一般的刑事案件/)
  await expect(page.getByRole('heading', { level: 2, name: '可能会被判无期徒刑或者死刑吗？' })).toBeFocused()
  await scanBoth(page, 'life or death question')
  await answer(page, /^可能/)

  await expect(page.getByRole('heading', { level: 2, name: '测评结果' })).toBeFocused()
  await expect(page.getByText('属于应当指派律师的情形，无需申请', { exact: true })).toBeVisible()
  const why = page.getByText(/^依照法律援助法第二十五条第一款/)
  await expect(why).toContainText('不需要本人或家属申请')
  await expect(why).toContainText('不审查经济状况')
  await expect(why).toContainText('值班律师')
  await expect(page.getByRole('listitem').filter({ hasText: '法律援助法第二十五条第一款第（四）项' })).toBeVisible()
  // no household questions were asked
  await expect(page.getByText(/家庭月收入/)).toHaveCount(0)
  await scanBoth(page, 'mandatory defence result')
})

test('a death-penalty-review defendant is told to apply (not "无需申请")', async ({ page }) => {
  test.setTimeout(120_000)
  await startDefence(page, /我自己的事/)
  await answer(page, /正在死刑复核/)

  await expect(page.getByRole('heading', { level: 2, name: '测评结果' })).toBeFocused()
  await expect(page.getByText('初步符合法律援助条件', { exact: true })).toBeVisible()
  await expect(page.getByText(/死刑复核案件的被告人需要提出法律援助申请/)).toBeVisible()
  // the result itself never says 无需申请 (a related case about minors below it may, rightly)
  const result = page.getByRole('region', { name: '测评结果' })
  await expect(result).toContainText('需要提出申请')
  const ownText = await result.evaluate(el => [...el.children].filter(c => c.tagName !== 'SECTION').map(c => c.textContent ?? '').join(''))
  expect(ownText).toContain('死刑复核案件的被告人需要提出法律援助申请')
  expect(ownText).not.toContain('无需申请')
  await expect(page.getByRole('listitem').filter({ hasText: '法律援助法第二十五条第一款第（五）项' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: /判处死刑的一审、二审判决书/ })).toBeVisible()
  await expect(page.getByRole('link', { name: '立即申请' })).toBeVisible()
  await scanBoth(page, 'death-penalty review result')
})
