import { expect, test } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import { scanBoth, waitForHydration, signIn } from './helpers'

const PHONE = `138${String(Date.now() % 100_000_000).padStart(8, '0')}`
const MASKED = `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`

test('operator logs a call with a callback by keyboard and sees it masked in the queue', async ({ page }) => {
  test.setTimeout(240_000)
  await signIn(page, 'operator1', '/staff/hotline')
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  await waitForHydration(page)
  await scanBoth(page, 'hotline console')

  // Keyboard: type, Tab, Space and Enter (selects are set with selectOption, as a keyboard user picks an option).
  await page.getByLabel('咨询类别').focus()
  await page.getByLabel('咨询类别').selectOption('劳动争议')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('来电摘要')).toBeFocused()
  await page.keyboard.type('在工地干了三个月，包工头拖欠工资，想请律师回电说明讨薪途径。')

  // The half-filled draft survives a reload.
  await page.reload()
  await waitForHydration(page)
  await expect(page.getByLabel('来电摘要')).toHaveValue(/包工头拖欠工资/)
  await expect(page.getByLabel('咨询类别')).toHaveValue('劳动争议')

  await page.getByRole('checkbox', { name: '农民工' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('checkbox', { name: '农民工' })).toBeChecked()
  await page.getByRole('radio', { name: '预约律师回拨' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: '预约律师回拨' })).toBeChecked()

  // Saving without phone and window names both fields.
  await page.getByRole('button', { name: '保存来电记录' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('预约回拨需要填写来电号码')).toBeVisible()
  await expect(page.getByRole('textbox', { name: /^来电号码（/ })).toBeFocused()
  await page.keyboard.type(PHONE)

  const window = page.getByLabel('回拨时段')
  const firstFree = await window.locator('option:not([disabled])').first().getAttribute('value')
  expect(firstFree).toBeTruthy()
  await window.selectOption(firstFree!)
  await expect(window.locator(`option[value="${firstFree}"]`)).toContainText(/剩 \d+ 个名额/)
  await scanBoth(page, 'filled form')
  await page.getByRole('button', { name: '保存来电记录' }).focus()
  await page.keyboard.press('Enter')

  const success = page.locator('#hl-logged')
  await expect(success).toContainText(/已保存来电 RX-\d{4}-[2-9A-Z]{6}，已预约/)
  const reference = (await success.textContent())!.match(/RX-\d{4}-[2-9A-Z]{6}/)![0]

  // The queue shows the booked day's callback with the number masked; the full number is never on the page.
  const row = page.getByRole('list', { name: '回拨队列' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(reference) }) })
  await expect(row).toContainText(MASKED)
  await expect(row).toContainText('待回拨')
  await expect(page.locator('main')).not.toContainText(PHONE)
  await expect(page.getByRole('region', { name: '最近来电表格' }).getByRole('row').filter({ hasText: reference })).toContainText(MASKED)
  await expect(page.getByLabel('来电摘要')).toHaveValue('')
  await scanBoth(page, 'after booking')

  // 显示号码 asks for a purpose, then shows the number for dialing.
  await row.getByRole('button', { name: /显示号码/ }).click()
  await expect(page.getByLabel('查看用途', { exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(row.getByRole('link', { name: PHONE })).toHaveAttribute('href', `tel:${PHONE}`)
})

test('by keyboard alone: log a call, look up the caller, book a callback from the call, two failed attempts and a completed one', async ({ page }) => {
  test.setTimeout(300_000)
  const phone = `139${String((Date.now() + 7) % 100_000_000).padStart(8, '0')}`
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
  await page.goto('/staff/login?next=/staff/hotline')
  await page.getByLabel('用户名').focus()
  await page.keyboard.type('operator1')
  await page.keyboard.press('Tab')
  await page.keyboard.type(E2E_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  await waitForHydration(page)

  // Log the call, booking the callback in the same step (selects are set with selectOption, as a keyboard user picks an option).
  await page.getByLabel('咨询类别').focus()
  await page.getByLabel('咨询类别').selectOption('工伤')
  await page.keyboard.press('Tab')
  await page.keyboard.type('工地摔伤，老板不给报销医药费，想请律师回电。')
  await page.getByRole('checkbox', { name: '紧急' }).focus()
  await page.keyboard.press('Space')
  await page.getByRole('checkbox', { name: '已告知来电人可以申请法律援助' }).focus()
  await page.keyboard.press('Space')
  await page.getByRole('radio', { name: '预约律师回拨' }).focus()
  await page.keyboard.press('Space')
  await page.getByRole('textbox', { name: /^来电号码（/ }).focus()
  await page.keyboard.type(phone)
  const window = page.getByLabel('回拨时段', { exact: true })
  const firstFree = await window.locator('option:not([disabled])').first().getAttribute('value')
  await window.focus()
  await window.selectOption(firstFree!)
  await page.getByRole('button', { name: '保存来电记录' }).focus()
  await page.keyboard.press('Enter')
  const success = page.locator('#hl-logged')
  await expect(success).toContainText(/已保存来电 RX-\d{4}-[2-9A-Z]{6}，已预约/)
  const reference = (await success.textContent())!.match(/RX-\d{4}-[2-9A-Z]{6}/)![0]
  // Focus moves to the confirmation once the lists are refreshed: go on from there.
  await expect(success).toBeFocused()

  // Caller history by phone, with a purpose: the call just logged, masked.
  await page.getByLabel('来电号码', { exact: true }).focus()
  await page.keyboard.type(phone)
  await page.getByRole('button', { name: '查询历史记录' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: '查询结果' })).toBeFocused()
  const history = page.getByRole('region', { name: '以往来电' })
  await expect(history.getByRole('row').filter({ hasText: reference })).toContainText(masked)
  await expect(history.getByRole('row').filter({ hasText: reference })).toContainText('待回拨')
  await expect(page.locator('main')).not.toContainText(phone)
  await scanBoth(page, 'after logging and look-up')

  // The queue (on the callback's day): two failed attempts, then a completed one.
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(reference) }) })
  await expect(item).toContainText('已尝试 0/3 次')
  const record = async (label: string, n: number) => {
    await item.getByRole('combobox', { name: new RegExp(`本次回拨结果（${reference}）`) }).selectOption({ label })
    await item.getByRole('button', { name: `登记回拨结果（${reference}）` }).focus()
    await page.keyboard.press('Enter')
    await expect(item).toContainText(`已尝试 ${n}/3 次`)
  }
  await record('无人接听', 1)
  await record('占线', 2)
  await expect(item).toContainText('待回拨')
  await record('已回拨并解答', 3)
  await expect(item).toContainText('已回拨')
  await expect(item).toContainText('已办结')
  await expect(item.getByRole('button', { name: /登记回拨结果/ })).toHaveCount(0)
  await expect(item.getByRole('listitem')).toHaveText([/第 1 次.*无人接听/, /第 2 次.*占线/, /第 3 次.*已回拨并解答/])
  await scanBoth(page, 'after three attempts')
})

test('editing a call: links what was done during the call; a stale edit is refused in words, then the latest version loads', async ({ page }) => {
  test.setTimeout(240_000)
  await signIn(page, 'operator1', '/staff/hotline')
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  await waitForHydration(page)
  const created = await page.request.post('/api/staff/hotline/calls', { data: { topic: '劳动争议', summary: '欠薪咨询，需要后续跟进。', outcome: 'answered' }, headers: { origin: new URL(page.url()).origin } })
  expect(created.status()).toBe(201)
  const call = await created.json() as { id: string, reference: string }
  // The caller was screened on an earlier call: its reference is what the operator types in.
  const earlier = await (await page.request.post('/api/staff/hotline/calls', { data: { topic: '劳动争议', summary: '此前来电，已做初筛。', outcome: 'legal_aid_screening' }, headers: { origin: new URL(page.url()).origin } })).json() as { id: string }
  const screened = await page.request.post(`/api/staff/hotline/calls/${earlier.id}/screenings`, { data: { matter: 'labor_remuneration', household: { county: 'xingqing', residence: 'urban' } }, headers: { origin: new URL(page.url()).origin } })
  expect(screened.status()).toBe(201)
  const sref = (await screened.json() as { screening: { reference: string } }).screening.reference
  await page.reload()
  await waitForHydration(page)

  await page.getByRole('button', { name: `修改（${call.reference}）` }).click()
  await expect(page.getByRole('heading', { name: `修改来电记录 ${call.reference}` })).toBeFocused()
  const links = page.getByRole('group', { name: '本次来电中办理的事项' })
  // The wrong kind is refused in words, on the field; the right one links it.
  await links.getByLabel('类型', { exact: true }).selectOption({ label: '法律援助申请' })
  await links.getByLabel('编号', { exact: true }).fill(sref.toLowerCase())
  await links.getByRole('button', { name: '关联' }).click()
  await expect(links.getByRole('alert')).toContainText('这个编号是法律援助初筛的编号，不是法律援助申请的编号')
  await expect(links.getByLabel('编号', { exact: true })).toBeFocused()
  await links.getByLabel('类型', { exact: true }).selectOption({ label: '法律援助初筛' })
  await links.getByRole('button', { name: '关联' }).click()
  await expect(links.getByRole('listitem')).toHaveText([`法律援助初筛：${sref}`])
  await expect(links).toContainText(`已关联法律援助初筛：${sref}`)
  await expect(links.getByRole('alert')).toHaveCount(0)
  await scanBoth(page, 'call edit')

  // Someone else saves first (version 1 → 2); this form still holds version 1.
  const other = await page.request.put(`/api/staff/hotline/calls/${call.id}`, { data: { version: 1, topic: '劳动争议', summary: '另一位坐席的修改。', outcome: 'answered' }, headers: { origin: new URL(page.url()).origin } })
  expect(other.status()).toBe(200)
  await page.locator('#hl-edit-summary').fill('我的修改。')
  await page.getByRole('button', { name: '保存修改' }).click()
  await expect(page.locator('#hl-edit-error')).toContainText('已被其他人修改')
  await page.getByRole('button', { name: '载入最新版本' }).click()
  await expect(page.locator('#hl-edit-summary')).toHaveValue('另一位坐席的修改。')
  await page.locator('#hl-edit-summary').fill('在最新版本上的修改。')
  await page.getByRole('button', { name: '保存修改' }).click()
  await expect(page.locator('#hl-edited')).toContainText(`已保存对来电 ${call.reference} 的修改（版本 3）`)
})

test('from the call: book an online consultation for the caller without retyping their number', async ({ page }) => {
  test.setTimeout(240_000)
  const phone = `135${String((Date.now() + 23) % 100_000_000).padStart(8, '0')}`
  await signIn(page, 'operator1', '/staff/hotline')
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  await waitForHydration(page)
  const created = await page.request.post('/api/staff/hotline/calls', { data: { topic: '工伤', summary: '想和律师视频咨询工伤认定。', outcome: 'answered', callerPhone: phone }, headers: { origin: new URL(page.url()).origin } })
  expect(created.status()).toBe(201)
  const call = await created.json() as { id: string, reference: string }
  await page.reload()
  await waitForHydration(page)

  await page.getByRole('button', { name: `修改（${call.reference}）` }).click()
  const panel = page.getByRole('region', { name: '为来电人预约' })
  await expect(panel).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
  await panel.getByLabel('预约方式').selectOption('online')
  const slot = panel.getByLabel('时段')
  await expect(slot.locator('option:not([disabled])').first()).toBeAttached()
  await slot.selectOption((await slot.locator('option:not([disabled])').first().getAttribute('value'))!)
  await panel.getByRole('button', { name: '为来电人预约' }).click()
  await expect(panel).toContainText(/已为来电人预约，预约编号 YY-\d{4}-[2-9A-Z]{6}/)
  await expect(page.getByRole('group', { name: '本次来电中办理的事项' })).toContainText(/预约：YY-/)
  await expect(page.locator('main')).not.toContainText(phone)
  await scanBoth(page, 'booking from the call')
})

test('by keyboard: from the call, screen the caller and start their legal-aid application with the answers carried over', async ({ page }) => {
  test.setTimeout(240_000)
  const phone = `134${String((Date.now() + 41) % 100_000_000).padStart(8, '0')}`
  await signIn(page, 'operator1', '/staff/hotline')
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  await waitForHydration(page)
  const created = await page.request.post('/api/staff/hotline/calls', { data: { topic: '劳动争议', summary: '在工地干了三个月，包工头拖欠工资两万元。', callerGroups: ['migrant_worker'], outcome: 'legal_aid_screening', callerPhone: phone }, headers: { origin: new URL(page.url()).origin } })
  expect(created.status()).toBe(201)
  const call = await created.json() as { id: string, reference: string }
  await page.reload()
  await waitForHydration(page)

  await page.getByRole('button', { name: `修改（${call.reference}）` }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: `修改来电记录 ${call.reference}` })).toBeFocused()
  const screening = page.getByRole('region', { name: '代为法律援助初筛' })
  // Prefilled from the call: the topic as the matter, the ticked group as the status.
  await expect(screening.getByLabel('申请事项')).toHaveValue('labor_remuneration')
  await expect(screening.getByRole('checkbox', { name: '进城务工人员（农民工）' })).toBeChecked()
  await screening.getByLabel('所在县（市、区）').focus()
  await screening.getByLabel('所在县（市、区）').selectOption({ label: '兴庆区' })
  await screening.getByRole('button', { name: '代为初筛并记录' }).focus()
  await page.keyboard.press('Enter')
  await expect(screening.getByRole('status')).toBeFocused()
  await expect(screening.getByRole('status')).toContainText(/初筛结果：符合法律援助条件（初筛编号 SC-\d{4}-[2-9A-Z]{6}/)
  await scanBoth(page, 'screening from the call')

  const apply = page.getByRole('region', { name: '代为申请法律援助' })
  await expect(apply).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
  await expect(apply).toContainText('兴庆区')
  await expect(apply.getByLabel(/事情经过/)).toHaveValue('在工地干了三个月，包工头拖欠工资两万元。')
  await apply.getByLabel('申请人姓名').focus()
  await page.keyboard.type('马建国')
  await page.keyboard.press('Tab')
  await page.keyboard.type(idWithCheck('64010419800101123'))
  await page.keyboard.press('Tab')
  await page.keyboard.type('银川市兴庆区某街道 1 号')
  await apply.getByRole('checkbox', { name: /来电人同意为审查申请处理其个人信息/ }).focus()
  await page.keyboard.press('Space')
  await apply.getByRole('button', { name: '代为提交申请' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('#hl-apply-note')).toBeFocused()
  await expect(page.locator('#hl-apply-note')).toContainText(/已代为提交法律援助申请，受理编号 YCFY-\d{4}-\d{6}-[0-9A-Z]{5}/)
  await expect(page.getByRole('group', { name: '本次来电中办理的事项' })).toContainText(/法律援助初筛：SC-.*法律援助申请：YCFY-/s)
  await expect(page.locator('main')).not.toContainText(phone)
  await scanBoth(page, 'application from the call')
})

/** An ID number with its check character (GB 11643, MOD 11-2). */
function idWithCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0)
  return first17 + '10X98765432'[sum % 11]!
}
