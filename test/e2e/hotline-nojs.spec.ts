// The 12348 console's forms work as plain HTML forms (JavaScript off): logging a call with its
// callback and recording a try at the callback POST to /forms/hotline/** and come back with 303.
// (axe needs JavaScript in the page: the same server-rendered console is scanned in hotline.spec.ts.)
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test.use({ javaScriptEnabled: false })

test('without JavaScript: log a call with a callback, then record a try from the queue', async ({ page }) => {
  test.setTimeout(180_000)
  const phone = `136${String((Date.now() + 11) % 100_000_000).padStart(8, '0')}`
  await signIn(page, 'operator1', '/staff/hotline')
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()

  // Nothing chosen: back to the form with the error, in words.
  await page.getByLabel('来电摘要').fill('工地摔伤，想请律师回电。')
  await page.getByRole('button', { name: '保存来电记录' }).click()
  await expect(page).toHaveURL(/\/staff\/hotline\?error=VALIDATION/)
  await expect(page.getByRole('alert').first()).toBeVisible()

  await page.getByLabel('咨询类别').selectOption('工伤')
  await page.getByLabel('来电摘要').fill('工地摔伤，老板不给报销医药费，想请律师回电。')
  await page.getByRole('checkbox', { name: '农民工' }).check()
  await page.getByRole('radio', { name: '预约律师回拨' }).check()
  await page.getByRole('textbox', { name: /^来电号码（/ }).fill(phone)
  const window = page.locator('#hl-window')
  const firstFree = await window.locator('option:not([disabled])').first().getAttribute('value')
  await window.selectOption(firstFree!)
  await page.getByRole('button', { name: '保存来电记录' }).click()
  await expect(page).toHaveURL(/\/staff\/hotline\?logged=[0-9a-f-]{36}#hl-logged$/)
  const success = page.locator('#hl-logged')
  await expect(success).toContainText(/已保存来电 RX-\d{4}-[2-9A-Z]{6}，已预约.*预约编号 YY-/)
  const reference = (await success.textContent())!.match(/RX-\d{4}-[2-9A-Z]{6}/)![0]
  await expect(page.locator('main')).not.toContainText(phone)

  // The queue shows the callback's day; one try, recorded by the row's own form.
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(reference) }) })
  await expect(item).toContainText('已尝试 0/3 次')
  await item.getByRole('combobox', { name: `本次回拨结果（${reference}）` }).selectOption({ label: '占线' })
  await item.getByRole('button', { name: `登记回拨结果（${reference}）` }).click()
  await expect(page).toHaveURL(/attempt=1&result=busy/)
  const again = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(reference) }) })
  await expect(again).toContainText('已尝试 1/3 次')
  await expect(again).toContainText('已登记第 1 次回拨：占线')
})

test('without JavaScript: from the call, screen and apply for the caller, book, edit (stale edit in words), look up and reveal', async ({ page }) => {
  test.setTimeout(300_000)
  const phone = `137${String((Date.now() + 29) % 100_000_000).padStart(8, '0')}`
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
  await signIn(page, 'operator1', '/staff/hotline')
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  const origin = new URL(page.url()).origin
  const windows = await (await page.request.get('/api/staff/hotline/windows')).json() as Array<{ id: string, free: number }>
  const created = await page.request.post('/api/staff/hotline/calls', { data: { topic: '工伤', summary: '工地摔伤，老板不给医药费，想申请法律援助。', callerGroups: ['migrant_worker'], outcome: 'legal_aid_screening', callerPhone: phone }, headers: { origin } })
  expect(created.status()).toBe(201)
  const call = await created.json() as { id: string, reference: string }
  await page.reload()

  // Open the call (a plain GET form): the screening is prefilled from the call's topic and group.
  await page.getByRole('button', { name: `修改（${call.reference}）` }).click()
  await expect(page).toHaveURL(new RegExp(`open=${call.id}`))
  const screening = page.getByRole('region', { name: '代为法律援助初筛' })
  await expect(screening.getByLabel('申请事项')).toHaveValue('work_injury')
  await expect(screening.getByRole('checkbox', { name: '进城务工人员（农民工）' })).toBeChecked()
  await screening.getByLabel('所在县（市、区）').selectOption({ label: '贺兰县' })
  await screening.getByRole('button', { name: '代为初筛并记录' }).click()
  await expect(page.getByRole('region', { name: '代为法律援助初筛' })).toContainText(/初筛结果：符合法律援助条件（初筛编号 SC-\d{4}-[2-9A-Z]{6}，已关联到这次来电）/)

  // The application carries the call's phone (masked) and the screening's answers; only name, ID, address are asked.
  const apply = page.getByRole('region', { name: '代为申请法律援助' })
  await expect(apply).toContainText(masked)
  await expect(apply).toContainText('贺兰县')
  await expect(apply.getByLabel(/事情经过/)).toHaveValue('工地摔伤，老板不给医药费，想申请法律援助。')
  await apply.getByLabel('申请人姓名').fill('马建国')
  await apply.getByLabel('身份证号').fill('640122198001011234'.slice(0, 17) + checkChar('64012219800101123'))
  await apply.getByLabel('住址').fill('银川市贺兰县某村 3 组')
  await apply.getByRole('button', { name: '代为提交申请' }).click()
  await expect(page.getByRole('region', { name: '代为申请法律援助' }).getByRole('alert')).toContainText('同意')
  await page.getByRole('region', { name: '代为申请法律援助' }).getByLabel('身份证号').fill('640122198001011234'.slice(0, 17) + checkChar('64012219800101123'))
  await page.getByRole('checkbox', { name: /来电人同意为审查申请处理其个人信息/ }).check()
  await page.getByRole('region', { name: '代为申请法律援助' }).getByRole('button', { name: '代为提交申请' }).click()
  await expect(page.getByRole('region', { name: '代为申请法律援助' })).toContainText(/已代为提交法律援助申请，受理编号 YCFY-\d{4}-\d{6}-[0-9A-Z]{5}/)
  await expect(page.getByRole('group', { name: '本次来电中办理的事项' })).toContainText(/法律援助初筛：SC-.*法律援助申请：YCFY-/s)

  // Book an online consultation from the call: the channel is chosen by a GET form, the slot posted.
  const book = page.getByRole('region', { name: '为来电人预约' })
  await book.getByLabel('预约方式').selectOption('online')
  await book.getByRole('button', { name: '查看可预约的时段' }).click()
  const slot = page.getByRole('region', { name: '为来电人预约' }).getByLabel('时段')
  await slot.selectOption((await slot.locator('option:not([disabled])').first().getAttribute('value'))!)
  await page.getByRole('region', { name: '为来电人预约' }).getByRole('button', { name: '为来电人预约' }).click()
  await expect(page.getByRole('region', { name: '为来电人预约' })).toContainText(/已为来电人预约，预约编号 YY-\d{4}-[2-9A-Z]{6}/)

  // Edit: someone else saves first; this page's form still holds the older version → the 409 in words.
  const current = await (await page.request.get(`/api/staff/hotline/calls/${call.id}`)).json() as { version: number }
  expect((await page.request.put(`/api/staff/hotline/calls/${call.id}`, { data: { version: current.version, topic: '工伤', summary: '另一位坐席的修改。', outcome: 'legal_aid_screening', callerGroups: ['migrant_worker'] }, headers: { origin } })).status()).toBe(200)
  await page.locator('#hl-edit-summary').fill('我的修改。')
  await page.getByRole('button', { name: '保存修改' }).click()
  await expect(page.locator('#hl-edit-error')).toContainText('已被其他人修改')
  await expect(page.locator('#hl-edit-summary')).toHaveValue('另一位坐席的修改。')
  await page.locator('#hl-edit-summary').fill('在最新版本上的修改。')
  await page.getByRole('button', { name: '保存修改' }).click()
  await expect(page.locator('#hl-edited')).toContainText(`已保存对来电 ${call.reference} 的修改（版本 ${current.version + 2}）`)

  // Caller look-up by a plain POST: the masked history on the page, the number nowhere in the address.
  await page.getByLabel('来电号码', { exact: true }).fill(phone)
  await page.getByRole('button', { name: '查询历史记录' }).click()
  await expect(page).not.toHaveURL(new RegExp(phone))
  await expect(page.getByRole('region', { name: '以往来电' }).getByRole('row').filter({ hasText: call.reference })).toContainText(masked)
  await expect(page.getByRole('region', { name: '法律援助申请' })).toContainText(/YCFY-/)

  // Reveal a callback's number for dialing, with the purpose stated (the field is on the page without JavaScript).
  const phone2 = `136${String((Date.now() + 31) % 100_000_000).padStart(8, '0')}`
  const cb = await page.request.post('/api/staff/hotline/calls', { data: { topic: '工伤', summary: '请律师回电。', outcome: 'callback_booked', callerPhone: phone2, callbackWindowId: windows.find(w => w.free > 0)!.id }, headers: { origin } })
  expect(cb.status()).toBe(201)
  const cbCall = await cb.json() as { reference: string, callback: { windowStartsAt: string } }
  const day = new Date(new Date(cbCall.callback.windowStartsAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  await page.goto(`/staff/hotline?date=${day}`)
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(cbCall.reference) }) })
  await expect(item.getByLabel(`查看用途（${cbCall.reference}）`)).toHaveValue('回拨来电人')
  await item.getByRole('button', { name: `显示号码（${cbCall.reference}）` }).click()
  await expect(page).not.toHaveURL(new RegExp(phone2))
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(cbCall.reference) }) }).getByRole('link', { name: phone2 })).toHaveAttribute('href', `tel:${phone2}`)
})

test('without JavaScript: 关联 links a booking the caller made on the site to the call, by its reference', async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page, 'operator1', '/staff/hotline')
  await expect(page.getByRole('heading', { level: 1, name: '12348 热线坐席' })).toBeVisible()
  const origin = new URL(page.url()).origin
  const created = await page.request.post('/api/staff/hotline/calls', { data: { topic: '婚姻家庭', summary: '来电人已在网上预约，询问需要带哪些材料。', outcome: 'answered' }, headers: { origin } })
  expect(created.status()).toBe(201)
  const call = await created.json() as { id: string, reference: string }
  // The resident's own booking on the site (the reference they read out on the phone).
  const day = (d: number) => new Date(Date.now() + 8 * 3600_000 + d * 86_400_000).toISOString().slice(0, 10)
  const slots = await (await page.request.get(`/api/appointments/slots?channel=online&from=${day(0)}&to=${day(14)}`)).json() as Array<{ id: string, free: number }>
  const phone = `135${String((Date.now() + 37) % 100_000_000).padStart(8, '0')}`
  const own = await page.request.post('/api/appointments', { data: { slotId: slots.find(s => s.free > 0)!.id, name: '周女士', phone, topic: '婚姻家庭' }, headers: { origin } })
  expect(own.status()).toBe(201)
  const booking = (await own.json() as { reference: string }).reference
  await page.reload()

  await page.getByRole('button', { name: `修改（${call.reference}）` }).click()
  await expect(page).toHaveURL(new RegExp(`open=${call.id}`))
  const links = page.getByRole('group', { name: '本次来电中办理的事项' })
  await expect(links).toContainText('还没有关联事项')
  // A reference that names nothing: back to the panel with the refusal, what was typed kept.
  await links.getByLabel('类型', { exact: true }).selectOption({ label: '预约' })
  await links.getByLabel('编号', { exact: true }).fill('YY-2026-ZZZZZZ')
  await links.getByRole('button', { name: '关联' }).click()
  await expect(page).toHaveURL(new RegExp(`open=${call.id}#hl-links-title$`))
  const again = page.getByRole('group', { name: '本次来电中办理的事项' })
  await expect(again.getByRole('alert')).toContainText('找不到这个编号')
  await expect(again.getByLabel('编号', { exact: true })).toHaveValue('YY-2026-ZZZZZZ')
  await expect(again.getByLabel('类型', { exact: true })).toHaveValue('booking')
  // The right reference: linked, and shown on the panel.
  await again.getByLabel('编号', { exact: true }).fill(booking)
  await again.getByRole('button', { name: '关联' }).click()
  const linked = page.getByRole('group', { name: '本次来电中办理的事项' })
  await expect(linked.getByRole('listitem')).toHaveText([`预约：${booking}`])
  await expect(linked).toContainText(`已关联预约：${booking}`)
  await expect(linked.getByRole('alert')).toHaveCount(0)
  await expect(page.locator('main')).not.toContainText(phone)
})

/** The ID number's check character (GB 11643, MOD 11-2). */
function checkChar(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0)
  return '10X98765432'[sum % 11]!
}
