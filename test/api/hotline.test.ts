import { describe, expect, it } from 'vitest'
import { withCheckChar } from '../../shared/domain/applications/id-number'
import { ApiClient, servers, signedIn } from './helpers/client'
import { personalValuesIn } from '../helpers/personal-data'

const CALLS = '/api/staff/hotline/calls'
const WINDOWS = '/api/staff/hotline/windows'
const QUEUE = '/api/staff/hotline/callbacks'

let n = 0
const phone = () => `137${String(10_000_000 + ((Date.now() + ++n * 7919) % 89_999_999)).padStart(8, '0')}`
const call = (extra: Record<string, unknown> = {}) => ({ topic: '劳动争议', summary: '工地拖欠工资三个月，咨询如何讨薪。', callerGroups: ['migrant_worker'], outcome: 'answered', ...extra })
const shanghaiDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)

describe.each(servers())('12348 hotline console on $name', (server) => {
  it('walks 401 → 403 → 400 → 201 → 409 and keeps the phone masked', async () => {
    const anon = new ApiClient(server.url)
    expect((await anon.post(CALLS, call())).status).toBe(401)
    expect((await anon.get(QUEUE)).status).toBe(401)
    const reviewer = await signedIn(server.url, 'reviewer1')
    for (const r of [await reviewer.post(CALLS, call()), await reviewer.get(CALLS), await reviewer.get(WINDOWS)]) {
      expect(r.status).toBe(403)
      expect(r.body.data.code).toBe('FORBIDDEN')
    }
    const admin = await signedIn(server.url, 'admin')
    expect((await admin.get(CALLS)).status).toBe(403)

    const op = await signedIn(server.url, 'operator1')
    const p = phone()
    const id = withCheckChar('64010419900101123')
    const bad = await op.post(CALLS, call({ callerPhone: '12345' }))
    expect(bad.status).toBe(400)
    expect(bad.body.data.issues[0]).toMatchObject({ path: 'callerPhone' })
    const withId = await op.post(CALLS, call({ summary: `来电人身份证号 ${id}，询问欠薪。` }))
    expect(withId.status).toBe(400)
    expect(withId.body.data.issues[0]).toMatchObject({ path: 'summary' })
    expect(withId.body.data.issues[0].message).toContain('身份证号')
    expect(personalValuesIn(withId.body, [id])).toEqual([])
    const noPhone = await op.post(CALLS, call({ outcome: 'callback_booked', callbackWindowId: '8f7c2d64-5b1e-4d3a-9c6f-0a1b2c3d4e5f' }))
    expect(noPhone.status).toBe(400)
    expect(noPhone.body.data.code).toBe('CALLBACK_PHONE_REQUIRED')

    const windows = (await op.get(WINDOWS)).body as Array<{ id: string, startsAt: string, endsAt: string, capacity: number, free: number }>
    expect(windows.length).toBeGreaterThan(0)
    expect(windows.every(w => new Date(w.startsAt) > new Date())).toBe(true)
    const w = windows.find(x => x.free === x.capacity)!
    expect(w).toBeDefined()

    const created = await op.post(CALLS, call({ outcome: 'callback_booked', callerPhone: p, callbackWindowId: w.id }))
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.reference).toMatch(/^RX-\d{4}-[2-9A-Z]{6}$/)
    expect(created.body.callerPhoneMasked).toBe(`${p.slice(0, 3)}****${p.slice(-4)}`)
    expect(created.body.callback).toMatchObject({ slotNo: 1, status: 'booked' })
    expect(personalValuesIn(created.body, [p])).toEqual([])

    // Fill the rest of the window in parallel: exactly the remaining places succeed, the others 409.
    const rest = await Promise.all(Array.from({ length: w.capacity + 2 }, () => op.post(CALLS, call({ outcome: 'callback_booked', callerPhone: phone(), callbackWindowId: w.id }))))
    expect(rest.filter(r => r.status === 201)).toHaveLength(w.capacity - 1)
    const refused = rest.filter(r => r.status === 409)
    expect(refused).toHaveLength(3)
    expect(refused.every(r => r.body.data.code === 'WINDOW_FULL')).toBe(true)
    // The refused calls are kept: the answer names the saved call so another window can be booked for it.
    expect(refused.every(r => r.body.data.callSaved === true && /^RX-/.test(r.body.data.reference))).toBe(true)
    const retryWindow = windows.find(x => x.id !== w.id && x.free > 0)!
    const retried = await op.post(`${CALLS}/${refused[0]!.body.data.callId}/callback`, { callbackWindowId: retryWindow.id })
    expect(retried.status).toBe(201)
    expect(retried.body.callback).toMatchObject({ status: 'booked' })
    // A full window is no longer offered (or offered with no place left).
    const after = ((await op.get(WINDOWS)).body as typeof windows).find(x => x.id === w.id)
    expect(after?.free ?? 0).toBe(0)

    // Lists are masked; the queue shows the callback; reveal returns the number for dialing.
    const list = await op.get(`${CALLS}?page=1`)
    expect(list.status).toBe(200)
    expect(list.body.items.find((i: { id: string }) => i.id === created.body.id)).toMatchObject({ mine: true, callerPhoneMasked: created.body.callerPhoneMasked })
    expect(personalValuesIn(list.body, [p])).toEqual([])
    const detail = await op.get(`${CALLS}/${created.body.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.summary).toContain('拖欠工资')
    expect(personalValuesIn(detail.body, [p])).toEqual([])

    const queue = await op.get(`${QUEUE}?date=${shanghaiDay(w.startsAt)}`)
    expect(queue.status).toBe(200)
    const item = queue.body.find((i: { callId: string }) => i.callId === created.body.id)
    expect(item).toMatchObject({ phoneMasked: created.body.callerPhoneMasked, status: 'booked', slotNo: 1, reference: created.body.callback.reference })
    expect(item.reference).toMatch(/^YY-\d{4}-/) // the one booking model's reference
    expect(personalValuesIn(queue.body, [p])).toEqual([])
    // A callback the resident books on the site (POST /api/appointments) lands in the same queue, without a call.
    const rp = phone()
    const own = await anon.post('/api/appointments', { slotId: retryWindow.id, name: '王女士', phone: rp, topic: '婚姻家庭' })
    expect(own.status, JSON.stringify(own.body)).toBe(201)
    const theirs = ((await op.get(`${QUEUE}?date=${shanghaiDay(retryWindow.startsAt)}`)).body as Array<{ reference: string, callId: string | null, phoneMasked: string }>)
      .find(i => i.reference === own.body.reference)
    expect(theirs).toMatchObject({ callId: null, phoneMasked: `${rp.slice(0, 3)}****${rp.slice(-4)}` })
    expect((await op.post(`${QUEUE}/${item.id}/reveal`, {})).status).toBe(400)
    const revealed = await op.post(`${QUEUE}/${item.id}/reveal`, { purpose: '回拨来电人' })
    expect(revealed.status).toBe(200)
    expect(revealed.body.phone).toBe(p)
    expect((await reviewer.post(`${QUEUE}/${item.id}/reveal`, { purpose: '回拨来电人' })).status).toBe(403)

    // Attempts: two failures keep it open, the third closes it; a fourth is refused in words.
    expect((await op.post(`${QUEUE}/${item.id}/attempts`, { result: 'maybe' })).status).toBe(400)
    expect((await op.post(`${QUEUE}/${item.id}/attempts`, { result: 'no_answer' })).body).toEqual({ status: 'booked', attemptNo: 1 })
    expect((await op.post(`${QUEUE}/${item.id}/attempts`, { result: 'busy' })).body).toEqual({ status: 'booked', attemptNo: 2 })
    const third = await op.post(`${QUEUE}/${item.id}/attempts`, { result: 'no_answer' })
    expect(third.status).toBe(201)
    expect(third.body).toEqual({ status: 'missed', attemptNo: 3 })
    const again = await op.post(`${QUEUE}/${item.id}/attempts`, { result: 'completed' })
    expect(again.status).toBe(409)
    expect(again.body.data.code).toBe('ATTEMPTS_EXHAUSTED')
    expect(again.body.data.message).toContain('3 次')

    const audit = await admin.get('/api/staff/admin/audit?action=callback.reveal')
    expect(audit.status).toBe(200)
    expect(JSON.stringify(audit.body)).toContain(item.id)
    expect(personalValuesIn(audit.body, [p])).toEqual([])
  })

  it('the console\'s forms work without JavaScript: plain POST, 303 to the console, same rules and audit', async () => {
    const FORM = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
    const form = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString()
    const anon = new ApiClient(server.url)
    expect((await anon.post('/forms/hotline/calls', form([['topic', '工伤']]), FORM)).status).toBe(401)
    const op = await signedIn(server.url, 'operator1')
    expect((await op.post('/forms/hotline/calls', form([['topic', '工伤']]), { ...FORM, origin: 'https://evil.example' })).status).toBe(403)

    // A bad form comes back to the console with the code and the field, nothing typed in the address.
    const bad = await op.post('/forms/hotline/calls', form([['summary', '只写了摘要'], ['outcome', 'answered']]), FORM)
    expect(bad.status).toBe(303)
    expect(bad.headers.get('location')).toMatch(/^\/staff\/hotline\?error=VALIDATION&field=topic/)
    expect(bad.headers.get('location')).not.toContain(encodeURIComponent('只写了摘要'))

    // A call with a callback, as the browser sends the form: checkboxes present or absent; both selects on the page.
    const windows = (await op.get(WINDOWS)).body as Array<{ id: string, startsAt: string, free: number }>
    const w = windows.find(x => x.free >= 2)! // two callbacks are booked in it below
    const p = phone()
    const points = (await op.get('/api/service-points')).body as Array<{ id: string }>
    const saved = await op.post('/forms/hotline/calls', form([
      ['topic', '劳动争议'], ['summary', '工地拖欠工资，请律师回电。'], ['callerGroups', 'migrant_worker'], ['callerGroups', 'elderly'],
      ['outcome', 'callback_booked'], ['unsafeCallback', 'on'], ['toldOfLegalAidRight', 'on'], ['interpreter', 'none'],
      ['callerPhone', p], ['callbackWindowId', w.id], ['servicePointId', points[0]!.id],
    ]), FORM)
    expect(saved.status, JSON.stringify(saved.body)).toBe(303)
    const callId = saved.headers.get('location')!.match(/^\/staff\/hotline\?logged=([0-9a-f-]{36})#hl-logged$/)![1]!
    const call = (await op.get(`${CALLS}/${callId}`)).body
    const call0 = (extra: Record<string, unknown>) => ({ topic: '劳动争议', summary: '工地拖欠工资，请律师回电。', outcome: 'answered', ...extra })
    expect(call).toMatchObject({ outcome: 'callback_booked', safeToCallBack: false, urgent: false, toldOfLegalAidRight: true, servicePoint: null, callerGroups: ['migrant_worker', 'elderly'] })
    expect(call.callback).toMatchObject({ status: 'booked', reference: expect.stringMatching(/^YY-/) })

    // A caller flagged unsafe is not tried before their window: the queue's plain form comes back with the refusal.
    const day = shanghaiDay(call.callback.windowStartsAt)
    const early = await op.post(`/forms/hotline/callbacks/${call.callback.id}/attempts`, form([['date', day], ['result', 'busy']]), FORM)
    expect(early.status).toBe(303)
    expect(early.headers.get('location')).toBe(`/staff/hotline?date=${day}&error=OUTSIDE_CHOSEN_WINDOW&callback=${call.callback.id}#hl-queue-title`)
    // One try at a callback of a caller safe to call: back to the queue of that day, with the result.
    const safe = await op.post(CALLS, call0({ outcome: 'callback_booked', callerPhone: phone(), callbackWindowId: w.id }))
    expect(safe.status).toBe(201)
    const tried = await op.post(`/forms/hotline/callbacks/${safe.body.callback.id}/attempts`, form([['date', day], ['result', 'busy']]), FORM)
    expect(tried.status).toBe(303)
    expect(tried.headers.get('location')).toBe(`/staff/hotline?date=${day}&attempt=1&result=busy&status=booked&callback=${safe.body.callback.id}#hl-queue-title`)
    const refused = await op.post(`/forms/hotline/callbacks/${call.callback.id}/attempts`, form([['date', day], ['result', 'maybe']]), FORM)
    expect(refused.headers.get('location')).toContain('error=VALIDATION')
    const unknown = await op.post('/forms/hotline/callbacks/not-an-id/attempts', form([['result', 'busy']]), FORM)
    expect([unknown.status, unknown.headers.get('location')]).toEqual([303, '/staff/hotline?error=CALLBACK_NOT_FOUND'])

    // The page the redirect lands on shows the saved call (server-rendered).
    const page = await op.get(saved.headers.get('location')!.replace(/#.*$/, ''), { accept: 'text/html' })
    expect(page.status).toBe(200)
    expect(String(page.body)).toContain(`已保存来电 ${call.reference}`)
    expect(personalValuesIn(String(page.body), [p])).toEqual([])
  })

  it('books an online consultation for the caller from the call: nothing retyped, linked to the call', async () => {
    const op = await signedIn(server.url, 'operator1')
    const p = phone()
    const logged = await op.post(CALLS, call({ callerPhone: p, topic: '工伤' }))
    expect(logged.status).toBe(201)
    const day = (d: number) => shanghaiDay(new Date(Date.now() + d * 86_400_000).toISOString())
    const slots = (await op.get(`/api/appointments/slots?channel=online&from=${day(0)}&to=${day(14)}`)).body as Array<{ id: string, free: number }>
    const slot = slots.find(x => x.free > 0)!
    const reviewer = await signedIn(server.url, 'reviewer1')
    expect((await reviewer.post(`${CALLS}/${logged.body.id}/bookings`, { slotId: slot.id })).status).toBe(403)
    expect((await op.post(`${CALLS}/${logged.body.id}/bookings`, { slotId: 'x' })).status).toBe(400)
    expect((await op.post(`${CALLS}/${logged.body.id}/bookings`, { slotId: slot.id, phone: '13900000000' })).status).toBe(400) // the phone is never sent: it comes from the call
    const booked = await op.post(`${CALLS}/${logged.body.id}/bookings`, { slotId: slot.id, name: '李先生' })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const link = booked.body.links.find((l: { kind: string }) => l.kind === 'booking')
    expect(link.reference).toMatch(/^YY-\d{4}-/)
    expect(personalValuesIn(booked.body, [p])).toEqual([])
    // The caller's history shows the booking under their number, masked.
    const history = await op.post('/api/staff/hotline/callers/lookup', { phone: p, purpose: '核实刚才的预约' })
    expect(history.body.appointments).toEqual([expect.objectContaining({ reference: link.reference, channel: 'online', topic: '工伤', phoneMasked: `${p.slice(0, 3)}****${p.slice(-4)}` })])
    const anonymous = await op.post(CALLS, call())
    expect((await op.post(`${CALLS}/${anonymous.body.id}/bookings`, { slotId: slot.id })).body.data.code).toBe('CALLBACK_PHONE_REQUIRED')
  })

  it('from the call: screening and application on the caller\'s behalf, answers carried over, linked, audited; role matrix', async () => {
    const op = await signedIn(server.url, 'operator1')
    const p = phone()
    const logged = await op.post(CALLS, call({ callerPhone: p, outcome: 'legal_aid_screening' }))
    expect(logged.status).toBe(201)
    const id = logged.body.id as string
    const [SCREEN, CARRY, APPLY] = ['screenings', 'carry-over', 'applications'].map(x => `${CALLS}/${id}/${x}`) as [string, string, string]
    const applyBody = { name: '马建国', idNumber: withCheckChar('64010419800101123'), address: '银川市兴庆区某街道 1 号', matterSummary: '包工头拖欠工资两万元，多次讨要未果。', consentProcessing: true }

    // Role matrix of the new routes: anonymous 401; supervisor (no personal data), reviewer, editor 403; operator and admin in.
    const anon = new ApiClient(server.url)
    expect([(await anon.get(CARRY)).status, (await anon.post(SCREEN, {})).status, (await anon.post(APPLY, applyBody)).status]).toEqual([401, 401, 401])
    for (const who of ['supervisor1', 'reviewer1', 'editor1']) {
      const c = await signedIn(server.url, who)
      const r = [await c.get(CARRY), await c.post(SCREEN, { matter: 'labor_remuneration' }), await c.post(APPLY, applyBody)]
      expect(r.map(x => x.status), who).toEqual([403, 403, 403])
      expect(personalValuesIn(r.map(x => x.body), [p])).toEqual([])
    }

    // The prefill comes from the call (topic → matter, ticked group → status); masked phone only.
    const carry = await op.get(CARRY)
    expect(carry.status).toBe(200)
    expect(carry.body).toMatchObject({ callReference: logged.body.reference, screening: null, screeningPrefill: { matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } } })
    expect(personalValuesIn(carry.body, [p])).toEqual([])
    expect((await op.post(APPLY, applyBody)).body.data.code).toBe('SCREENING_REQUIRED')
    expect((await op.post(SCREEN, { matter: 'labor_remuneration', person: { age: 'old' } })).status).toBe(400)

    const screened = await op.post(SCREEN, { ...carry.body.screeningPrefill, household: { county: 'xingqing', residence: 'urban' } })
    expect(screened.status, JSON.stringify(screened.body)).toBe(201)
    expect(screened.body.result.outcome).toBe('eligible')
    const sref = screened.body.screening.reference as string
    expect(screened.body.call.links).toEqual([expect.objectContaining({ kind: 'screening', reference: sref })])

    // The browser never sends the phone nor the screening: both come from the call on the server.
    expect((await op.post(APPLY, { ...applyBody, phone: p })).status).toBe(400)
    expect((await op.post(APPLY, { ...applyBody, screening: { matter: 'other' } })).status).toBe(400)
    const applied = await op.post(APPLY, applyBody)
    expect(applied.status, JSON.stringify(applied.body)).toBe(201)
    const ref = applied.body.application.reference as string
    expect(ref).toMatch(/^YCFY-\d{4}-\d{6}-[0-9A-Z]{5}$/)
    expect(applied.body.call.links.map((l: { kind: string, reference: string }) => `${l.kind}:${l.reference}`)).toEqual([`screening:${sref}`, `application:${ref}`])
    expect(personalValuesIn(applied.body, [p, applyBody.idNumber])).toEqual([])
    // The caller follows it up with the reference and the phone they gave on the call.
    const status = await anon.post('/api/legal-aid/applications/status', { reference: ref, phone: p })
    expect(status.status, JSON.stringify(status.body)).toBe(200)
    // Audited: the screening, the application (by the operator) and both links.
    const admin = await signedIn(server.url, 'admin')
    const audit = async (action: string) => (await admin.get(`/api/staff/admin/audit?action=${action}`)).body.items as Array<{ actorUsername: string, objectId: string, detail: Record<string, unknown> }>
    expect((await audit('hotline_call.screen')).find(a => a.objectId === id)).toMatchObject({ actorUsername: 'operator1' })
    expect((await audit('hotline_call.apply')).find(a => a.objectId === id)).toMatchObject({ actorUsername: 'operator1', detail: { reference: ref } })
    expect((await audit('application.submit')).filter(a => a.actorUsername === 'operator1').length).toBeGreaterThan(0)
    // Admins may screen from a call too.
    expect((await admin.post(SCREEN, { matter: 'labor_remuneration' })).status).toBe(201)
  })

  it('without JavaScript: screen, apply, book, edit (stale 409 in words), look up and reveal by plain POST with a 303', async () => {
    const FORM = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
    const form = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString()
    const op = await signedIn(server.url, 'operator1')
    const p = phone()
    const logged = await op.post(CALLS, call({ callerPhone: p, topic: '工伤', outcome: 'legal_aid_screening' }))
    const id = logged.body.id as string
    const panel = (anchor: string) => `/staff/hotline?open=${id}#${anchor}`
    const html = async (c: ApiClient, path: string) => String((await c.get(path.replace(/#.*$/, ''), { accept: 'text/html' })).body)

    const sup = await signedIn(server.url, 'supervisor1')
    const refusedSup = await sup.post(`/forms/hotline/calls/${id}/screenings`, form([['matter', 'work_injury']]), FORM)
    expect([refusedSup.status, refusedSup.headers.get('location')]).toEqual([303, panel('hl-screen-title')])
    expect((await op.get(`${CALLS}/${id}`)).body.links).toEqual([]) // nothing recorded for the supervisor

    const screened = await op.post(`/forms/hotline/calls/${id}/screenings`, form([['matter', 'work_injury'], ['proceeding', 'civil'], ['county', 'helan'], ['residence', 'rural'], ['statuses', 'migrant_worker'], ['age', '']]), FORM)
    expect([screened.status, screened.headers.get('location')]).toEqual([303, panel('hl-screen-title')])
    const afterScreen = await html(op, panel('hl-screen-title'))
    expect(afterScreen).toMatch(/初筛结果：符合法律援助条件<\/strong>（初筛编号 SC-\d{4}-/)
    expect(afterScreen).not.toContain(p)

    const badApply = await op.post(`/forms/hotline/calls/${id}/applications`, form([['name', '马建国'], ['idNumber', '123'], ['address', '银川市贺兰县某村'], ['matterSummary', '工地摔伤，老板不给医药费。'], ['consentProcessing', 'on']]), FORM)
    expect([badApply.status, badApply.headers.get('location')]).toEqual([303, panel('hl-apply-title')])
    expect(await html(op, panel('hl-apply-title'))).toContain('身份证号应为 18 位')
    const idNumber = withCheckChar('64012219800101123')
    const applied = await op.post(`/forms/hotline/calls/${id}/applications`, form([['name', '马建国'], ['idNumber', idNumber], ['address', '银川市贺兰县某村'], ['matterSummary', '工地摔伤，老板不给医药费。'], ['consentProcessing', 'on']]), FORM)
    expect([applied.status, applied.headers.get('location')]).toEqual([303, panel('hl-apply-title')])
    const afterApply = await html(op, panel('hl-apply-title'))
    expect(afterApply).toMatch(/已代为提交法律援助申请，受理编号 YCFY-\d{4}-\d{6}-[0-9A-Z]{5}/)
    expect(personalValuesIn(afterApply, [p, idNumber])).toEqual([])

    // Book from the call: the slots of the chosen channel are on the server-rendered panel.
    const day = (d: number) => shanghaiDay(new Date(Date.now() + d * 86_400_000).toISOString())
    const slot = ((await op.get(`/api/appointments/slots?channel=online&from=${day(0)}&to=${day(14)}`)).body as Array<{ id: string, free: number }>).find(x => x.free > 0)!
    expect(await html(op, `/staff/hotline?open=${id}&bookChannel=online`)).toContain(`value="${slot.id}"`)
    const booked = await op.post(`/forms/hotline/calls/${id}/bookings`, form([['slotId', slot.id], ['name', '']]), FORM)
    expect([booked.status, booked.headers.get('location')]).toEqual([303, panel('hl-book-title')])
    expect(await html(op, panel('hl-book-title'))).toMatch(/已为来电人预约，预约编号 YY-/)
    const linked = (await op.get(`${CALLS}/${id}`)).body
    expect(linked.links.map((l: { kind: string }) => l.kind)).toEqual(['screening', 'application', 'booking'])

    // Edit with the version shown; a stale version comes back as the 409's message, nothing saved.
    const edit = (version: number, summary: string) => form([['version', String(version)], ['topic', '工伤'], ['summary', summary], ['outcome', 'legal_aid_screening'], ['callerGroups', 'migrant_worker'], ['interpreter', 'none'], ['toldOfLegalAidRight', 'on']])
    const v = linked.version as number
    const saved = await op.post(`/forms/hotline/calls/${id}/edit`, edit(v, '第一次修改。'), FORM)
    expect([saved.status, saved.headers.get('location')]).toEqual([303, `/staff/hotline?open=${id}#hl-edited`])
    expect(await html(op, `/staff/hotline?open=${id}`)).toContain(`已保存对来电 ${logged.body.reference} 的修改（版本 ${v + 1}）`)
    const stale = await op.post(`/forms/hotline/calls/${id}/edit`, edit(v, '基于旧版本的修改。'), FORM)
    expect([stale.status, stale.headers.get('location')]).toEqual([303, panel('hl-edit-title')])
    const stalePage = await html(op, panel('hl-edit-title'))
    expect(stalePage).toContain('已被其他人修改')
    expect(stalePage).toContain('载入最新版本')
    expect((await op.get(`${CALLS}/${id}`)).body).toMatchObject({ summary: '第一次修改。', version: v + 1, toldOfLegalAidRight: true, callerGroups: ['migrant_worker'] })

    // Caller look-up: the masked history comes back on the page, the purpose audited, the number never in the address.
    const looked = await op.post('/forms/hotline/callers/lookup', form([['phone', p], ['purpose', '核实来电人以往的申请']]), FORM)
    expect([looked.status, looked.headers.get('location')]).toEqual([303, '/staff/hotline#hl-history-title'])
    const history = await html(op, '/staff/hotline')
    expect(history).toContain(logged.body.reference)
    expect(history).toContain(`${p.slice(0, 3)}****${p.slice(-4)}`)
    expect(personalValuesIn(history, [p])).toEqual([])
    expect(await html(op, '/staff/hotline')).not.toContain('查询结果') // shown once: the next load has no result
    const badLookup = await op.post('/forms/hotline/callers/lookup', form([['phone', '123'], ['purpose', '查']]), FORM)
    expect(badLookup.headers.get('location')).toBe('/staff/hotline#hl-lookup-title')

    // Reveal for dialing: the purpose is stated, the number comes back once on the page (never in the address).
    const w = ((await op.get(WINDOWS)).body as Array<{ id: string, startsAt: string, free: number }>).find(x => x.free > 0)!
    const p2 = phone()
    const cb = await op.post(CALLS, call({ outcome: 'callback_booked', callerPhone: p2, callbackWindowId: w.id }))
    const cday = shanghaiDay(cb.body.callback.windowStartsAt)
    const revealed = await op.post(`/forms/hotline/callbacks/${cb.body.callback.id}/reveal`, form([['date', cday], ['purpose', '回拨来电人']]), FORM)
    expect([revealed.status, revealed.headers.get('location')]).toEqual([303, `/staff/hotline?date=${cday}#hl-queue-title`])
    expect(revealed.headers.get('location')).not.toContain(p2)
    expect(await html(op, `/staff/hotline?date=${cday}`)).toContain(`href="tel:${p2}"`)
    expect(await html(op, `/staff/hotline?date=${cday}`)).not.toContain(p2)
  })

  it('关联 without JavaScript: a plain POST links a booking or screening by its reference, same checks and audit as the JSON route, 303 with the result in words', async () => {
    const FORM = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
    const form = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString()
    const html = async (c: ApiClient, path: string) => String((await c.get(path.replace(/#.*$/, ''), { accept: 'text/html' })).body)
    const op = await signedIn(server.url, 'operator1')
    const logged = await op.post(CALLS, call({ callerPhone: phone(), topic: '工伤' }))
    expect(logged.status).toBe(201)
    const id = logged.body.id as string
    const LINK = `/forms/hotline/calls/${id}/links`
    const panel = `/staff/hotline?open=${id}#hl-links-title`
    // What the caller did elsewhere: a booking on the site, a screening on another call.
    const day = (d: number) => shanghaiDay(new Date(Date.now() + d * 86_400_000).toISOString())
    const slot = ((await op.get(`/api/appointments/slots?channel=online&from=${day(0)}&to=${day(14)}`)).body as Array<{ id: string, free: number }>).find(x => x.free > 0)!
    const own = await new ApiClient(server.url).post('/api/appointments', { slotId: slot.id, name: '赵女士', phone: phone(), topic: '工伤' })
    expect(own.status, JSON.stringify(own.body)).toBe(201)
    const booking = own.body.reference as string
    const earlier = await op.post(CALLS, call({ outcome: 'legal_aid_screening' }))
    const screened = await op.post(`${CALLS}/${earlier.body.id}/screenings`, { matter: 'work_injury', household: { county: 'helan', residence: 'rural' } })
    expect(screened.status, JSON.stringify(screened.body)).toBe(201)
    const screening = screened.body.screening.reference as string
    const links = async () => ((await op.get(`${CALLS}/${id}`)).body.links as Array<{ kind: string, reference: string }>).map(l => `${l.kind}:${l.reference}`)
    const audited = async () => ((await (await signedIn(server.url, 'admin')).get('/api/staff/admin/audit?action=hotline_call.link&limit=100')).body.items as Array<{ objectId: string, actorUsername: string, detail: unknown }>)
      .filter(a => a.objectId === id)

    // Signed out: to the sign-in page and back; another site's form: 403; both change nothing.
    const anon = await new ApiClient(server.url).post(LINK, form([['kind', 'booking'], ['reference', booking]]), FORM)
    expect([anon.status, anon.headers.get('location')]).toEqual([303, `/staff/login?next=${encodeURIComponent(panel)}`])
    expect((await op.post(LINK, form([['kind', 'booking'], ['reference', booking]]), { ...FORM, origin: 'https://evil.example' })).status).toBe(403)
    // Wrong role (the JSON route's: operators only): back to the panel with the refusal, nothing linked.
    for (const who of ['supervisor1', 'reviewer1']) {
      const c = await signedIn(server.url, who)
      const r = await c.post(LINK, form([['kind', 'booking'], ['reference', booking]]), FORM)
      expect([r.status, r.headers.get('location')], who).toEqual([303, panel])
      expect((await c.post(`${CALLS}/${id}/links`, { kind: 'booking', reference: booking })).status, who).toBe(403)
    }
    expect(await links()).toEqual([])

    // Each refusal comes back to the panel in words (the flash), what was typed kept, never in the address.
    const refused = async (fields: Array<[string, string]>, words: string) => {
      const r = await op.post(LINK, form(fields), FORM)
      expect([r.status, r.headers.get('location')], words).toEqual([303, panel])
      const page = await html(op, panel)
      expect(page, words).toContain(words)
      return page
    }
    const malformed = await refused([['kind', 'booking'], ['reference', 'YY 2026／甲']], '编号只能包含字母、数字和 - _ . :')
    expect(malformed).toContain('value="YY 2026／甲"')
    await refused([['kind', 'booking'], ['reference', '']], '请填写编号')
    await refused([['kind', 'case'], ['reference', booking]], '请选择关联的类型')
    await refused([['kind', 'booking'], ['reference', 'YY-2026-ZZZZZZ']], '找不到这个编号')
    await refused([['kind', 'application'], ['reference', booking]], '这个编号是预约的编号，不是法律援助申请的编号')
    expect(await links()).toEqual([])
    expect(await audited()).toEqual([])

    // Linked: typed in lower case, stored as printed; shown on the panel, audited like the JSON route's.
    const ok = await op.post(LINK, form([['kind', 'booking'], ['reference', booking.toLowerCase()]]), FORM)
    expect([ok.status, ok.headers.get('location')]).toEqual([303, panel])
    const after = await html(op, panel)
    expect(after).toContain(`已关联预约：${booking}`)
    expect(after).toContain(`预约：${booking}</li>`)
    expect(await links()).toEqual([`booking:${booking}`])
    await refused([['kind', 'booking'], ['reference', booking]], '这个编号已经关联到这次来电')
    const json = await op.post(`${CALLS}/${id}/links`, { kind: 'screening', reference: screening })
    expect(json.status).toBe(201)
    expect((await op.post(`${CALLS}/${id}/links`, { kind: 'screening', reference: screening })).body.data).toMatchObject({ code: 'LINK_EXISTS' })
    expect((await op.post(`${CALLS}/${id}/links`, { kind: 'booking', reference: 'YY-2026-ZZZZZZ' })).status).toBe(400)
    expect(await links()).toEqual([`booking:${booking}`, `screening:${screening}`])
    expect((await audited()).map(a => [a.actorUsername, a.detail])).toEqual([['operator1', { kind: 'screening', reference: screening }], ['operator1', { kind: 'booking', reference: booking }]]) // newest first

    // A call that does not exist, or an address that is not a call: back to the console, never a 5xx.
    const gone = await op.post('/forms/hotline/calls/7d0c1e2f-3a4b-4c5d-8e6f-0a1b2c3d4e5f/links', form([['kind', 'booking'], ['reference', booking]]), FORM)
    expect(gone.status).toBe(303)
    const notId = await op.post('/forms/hotline/calls/not-an-id/links', form([['kind', 'booking'], ['reference', booking]]), FORM)
    expect([notId.status, notId.headers.get('location')]).toEqual([303, '/staff/hotline#hl-recent-title'])
  })

  it('accepts anonymous calls and referrals to a service point', async () => {
    const op = await signedIn(server.url, 'operator1')
    const anon = await op.post(CALLS, call())
    expect(anon.status).toBe(201)
    expect(anon.body.callerPhoneMasked).toBeNull()
    const points = (await op.get('/api/service-points')).body as Array<{ id: string, name: string }>
    const missing = await op.post(CALLS, call({ outcome: 'referred_service_point' }))
    expect(missing.status).toBe(400)
    expect(missing.body.data.code).toBe('SERVICE_POINT_REQUIRED')
    const referred = await op.post(CALLS, call({ outcome: 'referred_service_point', servicePointId: points[0]!.id }))
    expect(referred.status).toBe(201)
    expect(referred.body.servicePoint).toEqual({ id: points[0]!.id, name: points[0]!.name })
    expect((await op.get(`${CALLS}/00000000-0000-4000-8000-000000000000`)).status).toBe(404)
  })

  it('caller look-up and CSV export: masked, audited, for the right roles only', async () => {
    const op = await signedIn(server.url, 'operator1')
    const sup = await signedIn(server.url, 'supervisor1')
    const admin = await signedIn(server.url, 'admin')
    const p = phone()
    const logged = await op.post(CALLS, call({ callerPhone: p, urgent: true, toldOfLegalAidRight: true }))
    expect(logged.status).toBe(201)
    expect(logged.body).toMatchObject({ urgent: true, toldOfLegalAidRight: true, version: 1, outcomeLabel: '已解答' })

    expect((await op.post('/api/staff/hotline/callers/lookup', { phone: p })).status).toBe(400)
    const found = await op.post('/api/staff/hotline/callers/lookup', { phone: p, purpose: '核实来电人以往咨询' })
    expect(found.status).toBe(200)
    expect(found.body.calls.map((c: { id: string }) => c.id)).toContain(logged.body.id)
    expect(found.body).toMatchObject({ appointments: [], applications: [], withheld: 0 })
    expect(JSON.stringify(found.body)).not.toContain(p)
    expect((await sup.post('/api/staff/hotline/callers/lookup', { phone: p, purpose: '核实来电人以往咨询' })).status).toBe(403)
    const lookups = await admin.get('/api/staff/admin/audit?action=caller.lookup')
    expect(lookups.body.items[0]).toMatchObject({ action: 'caller.lookup', actionLabel: '查询来电人历史记录', purpose: '核实来电人以往咨询', actorUsername: 'operator1', actorName: '12348 坐席（示例）' })
    expect(JSON.stringify(lookups.body)).not.toContain(p)

    // Stale edit over HTTP: 409 with a Chinese message.
    const edit = { version: 1, topic: '劳动争议', summary: '修改后的摘要。', outcome: 'answered' }
    expect((await op.put(`${CALLS}/${logged.body.id}`, edit)).status).toBe(200)
    const stale = await op.put(`${CALLS}/${logged.body.id}`, edit)
    expect(stale.status).toBe(409)
    expect(stale.body.data).toMatchObject({ code: 'STALE_EDIT', currentVersion: 2 })
    expect(stale.body.data.message).toMatch(/已被其他人修改/)

    const today = shanghaiDay(new Date().toISOString())
    expect((await op.get(`/api/staff/hotline/calls.csv?from=${today}&to=${today}`)).status).toBe(403)
    expect((await sup.get(`/api/staff/hotline/calls.csv?from=${today}`)).status).toBe(400)
    const csv = await sup.get(`/api/staff/hotline/calls.csv?from=${today}&to=${today}`)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('content-disposition')).toContain(`12348-calls-${today}-${today}.csv`)
    expect(String(csv.body)).toContain(logged.body.reference)
    expect(String(csv.body)).toContain(`${p.slice(0, 3)}****${p.slice(-4)}`)
    expect(String(csv.body)).not.toContain(p)
    expect(String(csv.body)).not.toContain('修改后的摘要')
    expect((await admin.get(`/api/staff/hotline/calls.csv?from=${today}&to=${today}`)).status).toBe(200)
    const exports = await admin.get('/api/staff/admin/audit?action=hotline_call.export')
    expect(exports.body.items.map((i: { actorUsername: string }) => i.actorUsername)).toEqual(expect.arrayContaining(['supervisor1', 'admin']))
    expect(exports.body.items.find((i: { actorUsername: string }) => i.actorUsername === 'supervisor1').detail).toMatchObject({ from: today, to: today })

    // The console page itself (server-rendered payload) carries masked numbers only.
    const page = await op.get('/staff/hotline', { accept: 'text/html' })
    expect(page.status).toBe(200)
    expect(String(page.body)).toContain(`${p.slice(0, 3)}****${p.slice(-4)}`)
    expect(String(page.body)).not.toContain(p)
  })
})
