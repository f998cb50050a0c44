import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { withCheckChar } from '../../shared/domain/applications/id-number'
import { ApiClient, servers, signedIn } from './helpers/client'
import { personalValuesIn } from '../helpers/personal-data'

const APPLY = '/api/legal-aid/applications'
const STATUS = '/api/legal-aid/applications/status'
const QUEUE = '/api/staff/legal-aid/applications'

let n = 0
/** A distinct, valid applicant per call (ID number, mobile, name), so the log check can look for each. */
function applicant() {
  n++
  const seq = String(100 + (Date.now() + n) % 900)
  return {
    name: '马' + ['建国', '秀兰', '志强', '桂英', '海峰'][n % 5],
    idNumber: withCheckChar(`64010419880${(n % 9) + 1}1${(n % 2) + 1}${seq}`),
    phone: `139${String(10_000_000 + ((Date.now() + n * 7919) % 89_999_999)).padStart(8, '0')}`,
    address: '银川市兴庆区某街道某小区 3 号楼',
  }
}

const migrantWorker = { matter: 'labor_remuneration', person: { statuses: ['migrant_worker'] } }

function application(a = applicant(), extra: Record<string, unknown> = {}) {
  return { applicant: a, matterSummary: '在工地干活三个月，包工头拖欠工资一万八千元，多次讨要未果。', screening: migrantWorker, consent: { processing: true, sensitive: false }, ...extra }
}

describe.each(servers())('legal aid applications on $name', (server) => {
  const anon = () => new ApiClient(server.url)
  const used: string[] = []

  async function apply(a = applicant(), extra: Record<string, unknown> = {}) {
    used.push(a.idNumber, a.phone)
    const r = await anon().post(APPLY, application(a, extra))
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    return { a, created: r.body }
  }

  it('refuses bad applications with clear field messages', async () => {
    const a = applicant()
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['fullwidth ID', { ...a, idNumber: a.idNumber.replace(/\d/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) }, 'applicant.idNumber', /半角/],
      ['wrong checksum', { ...a, idNumber: a.idNumber.slice(0, 17) + (a.idNumber.endsWith('0') ? '1' : '0') }, 'applicant.idNumber', /校验码/],
      ['malformed ID', { ...a, idNumber: '64010419' }, 'applicant.idNumber', /18 位/],
      ['ID as a number', { ...a, idNumber: Number('640104198801011234') }, 'applicant.idNumber', /文字/],
      ['bad phone', { ...a, phone: '12345' }, 'applicant.phone', /手机号/],
    ]
    for (const [what, app, path, message] of cases) {
      const r = await anon().post(APPLY, application(app as ReturnType<typeof applicant>))
      expect(r.status, what).toBe(400)
      const issue = r.body.data.issues.find((i: { path: string }) => i.path === path)
      expect(issue, `${what}: ${JSON.stringify(r.body.data.issues)}`).toBeDefined()
      expect(issue.message).toMatch(message)
      expect(personalValuesIn(r.body, [a.phone])).toEqual([])
    }
    const sensitive = await anon().post(APPLY, application(a, { screening: { matter: 'abuse_or_domestic_violence', person: { disability: 'physical' } } }))
    expect(sensitive.status).toBe(400)
    expect(sensitive.body.data.issues[0]).toMatchObject({ path: 'consent.sensitive' })
    expect(sensitive.body.data.issues[0].message).toContain('残疾情况')

    const child = { ...a, idNumber: withCheckChar('64010420180101123') }
    const minor = await anon().post(APPLY, application(child))
    expect(minor.status).toBe(400)
    expect(minor.body.data.issues[0]).toMatchObject({ path: 'agent' })
    expect(minor.body.data.issues[0].message).toContain('监护人')
    expect(minor.body.data.issues[0].message).toContain('个人信息保护法第三十一条')
    const withGuardian = await anon().post(APPLY, application(child, { agent: { relation: 'legal_representative', name: '马父', phone: '13700001111' } }))
    expect(withGuardian.status).toBe(201)
    used.push(child.idNumber, '13700001111')

    // 法律援助法第四十条第一款: the 12-year-old domestic-violence victim's grandmother (a 近亲属) may apply
    // when the 法定代理人 infringes the child's rights; 个人信息保护法第十三条第一款第（三）项 is the basis.
    const dvChild = { ...applicant(), idNumber: withCheckChar('64010420140301123') }
    const dv = { screening: { matter: 'abuse_or_domestic_violence' }, matterSummary: '孩子长期被父亲殴打，奶奶想为孩子申请法律援助，申请人身安全保护令。' }
    const grandmaRefused = await anon().post(APPLY, application(dvChild, { ...dv, agent: { relation: 'close_relative', name: '马奶奶', phone: '13700002222' } }))
    expect(grandmaRefused.status).toBe(400)
    const grandma = await anon().post(APPLY, application(dvChild, { ...dv, agent: { relation: 'close_relative', name: '马奶奶', phone: '13700002222', representativeInfringes: true } }))
    expect(grandma.status, JSON.stringify(grandma.body)).toBe(201)
    expect(grandma.body.screening.outcome).toBe('eligible')
    used.push(dvChild.idNumber, '13700002222')

    const extraKey = await anon().post(APPLY, { ...application(a), income: 1 })
    expect(extraKey.status).toBe(400)
  })

  it('apply → status → masked queue → audited open → materials once → supply → grant → assign', async () => {
    const { a, created } = await apply()
    expect(created.reference).toMatch(/^YCFY-\d{4}-\d{6}-[0-9A-Z]{5}$/)
    expect(created).toMatchObject({ status: 'submitted', screening: { outcome: 'eligible' } })
    expect(created.decisionDue).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const status = await anon().post(STATUS, { reference: created.reference, phone: a.phone })
    expect(status.status).toBe(200)
    expect(status.body.deadlines[0]).toMatchObject({ kind: 'decision', due: created.decisionDue, basis: '法律援助法第四十三条第一款' })
    const wrong = await anon().post(STATUS, { reference: created.reference, phone: '13800000000' })
    expect(wrong.status).toBe(404)

    expect((await anon().get(QUEUE)).status).toBe(401)
    expect((await (await signedIn(server.url, 'editor1')).get(QUEUE)).status).toBe(403)
    const reviewer = await signedIn(server.url, 'reviewer1')
    const queue = await reviewer.get(QUEUE)
    expect(queue.status).toBe(200)
    const item = queue.body.find((q: { reference: string }) => q.reference === created.reference)
    expect(item).toMatchObject({ nameMasked: `${a.name[0]}**`.slice(0, a.name.length), status: 'submitted', deadline: { kind: 'decision' } })
    expect(personalValuesIn(queue.body, [a.idNumber, a.phone, a.name, a.address])).toEqual([])

    const opened = await reviewer.get(`${QUEUE}/${item.id}`)
    expect(opened.status).toBe(200)
    expect(opened.body.applicant.idNumberMasked).toBe(`${a.idNumber.slice(0, 4)}**********${a.idNumber.slice(-4)}`)
    expect(opened.body.applicant.phoneMasked).toBe(`${a.phone.slice(0, 3)}****${a.phone.slice(-4)}`)
    expect(personalValuesIn(opened.body, [a.idNumber, a.phone])).toEqual([])
    expect(opened.body.screening.ruleVersion).toMatch(/^engine-/)

    const noPurpose = await reviewer.post(`${QUEUE}/${item.id}/reveal`, { field: 'phone', purpose: '' })
    expect(noPurpose.status).toBe(400)
    const revealed = await reviewer.post(`${QUEUE}/${item.id}/reveal`, { field: 'phone', purpose: '电话通知补充材料' })
    expect(revealed.body).toEqual({ field: 'phone', value: a.phone })

    const admin = await signedIn(server.url, 'admin')
    const reads = await admin.get('/api/staff/admin/audit?action=application.read&limit=100')
    expect(reads.body.items.some((e: { objectId: string, purpose: string }) => e.objectId === item.id && e.purpose)).toBe(true)
    const reveals = await admin.get('/api/staff/admin/audit?action=application.reveal&limit=100')
    expect(reveals.body.items.find((e: { objectId: string }) => e.objectId === item.id)).toMatchObject({ purpose: '电话通知补充材料', detail: { field: 'phone' } })

    const asked = await reviewer.post(`${QUEUE}/${item.id}/materials-request`, { version: opened.body.version, items: ['劳动关系证明（工牌、考勤记录）', '欠条或聊天记录'] })
    expect(asked.status).toBe(200)
    expect(asked.body).toMatchObject({ status: 'materials_requested', clockPaused: true })
    const again = await reviewer.post(`${QUEUE}/${item.id}/materials-request`, { version: asked.body.version, items: ['再补一项'] })
    expect(again.status).toBe(409)
    expect(again.body.data.code).toBe('MATERIALS_ALREADY_REQUESTED')

    const seen = await anon().post(STATUS, { reference: created.reference, phone: a.phone })
    expect(seen.body).toMatchObject({ status: 'materials_requested', clockPaused: true, canSupplyMaterials: true, materials: { items: ['劳动关系证明（工牌、考勤记录）', '欠条或聊天记录'] } })
    const supplied = await anon().post('/api/legal-aid/applications/materials', { reference: created.reference, phone: a.phone, note: '已把材料交到金凤区法律援助中心窗口' })
    expect(supplied.status).toBe(200)
    expect(supplied.body.status).toBe('submitted')

    const current = await reviewer.get(`${QUEUE}/${item.id}`)
    const stale = current.body.version - 1
    const confirmReference = created.reference
    expect((await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: stale, decision: 'grant', confirmReference })).status).toBe(409)
    // Decisions are deliberate: no decision chosen, no confirmation, or a confirmation naming another application → 400.
    const noChoice = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: current.body.version, confirmReference })
    expect(noChoice.status).toBe(400)
    expect((await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: current.body.version, decision: 'grant' })).status).toBe(400)
    const otherRef = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: current.body.version, decision: 'grant', confirmReference: 'YCFY-2026-999999-ABCDE' })
    expect(otherRef.status).toBe(400)
    expect(otherRef.body.data.code).toBe('CONFIRMATION_MISMATCH')
    const granted = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: current.body.version, decision: 'grant', confirmReference })
    expect(granted.status).toBe(200)
    expect(granted.body.deadlines[0]).toMatchObject({ kind: 'assign' })
    const twice = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: current.body.version, decision: 'refuse', reasons: '第二个审查员的不同决定理由', confirmReference })
    expect(twice.status).toBe(409)

    const assigned = await reviewer.post(`${QUEUE}/${item.id}/assign`, { version: granted.body.version, lawyer: '李律师', firm: '宁夏某某律师事务所' })
    expect(assigned.status).toBe(200)
    expect(assigned.body.status).toBe('assigned')
    const final = await anon().post(STATUS, { reference: created.reference, phone: a.phone })
    expect(final.body).toMatchObject({ status: 'assigned', assignment: { lawyer: '李律师', firm: '宁夏某某律师事务所' } })
  })

  it('refuse with written reasons → the applicant sees them and the objection route → objection decided', async () => {
    const { a, created } = await apply()
    const reviewer = await signedIn(server.url, 'reviewer1')
    const item = (await reviewer.get(QUEUE)).body.find((q: { reference: string }) => q.reference === created.reference)
    const confirmReference = created.reference
    const noReasons = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: item.version, decision: 'refuse', reasons: '不符合', confirmReference })
    expect(noReasons.status).toBe(400)
    expect(noReasons.body.data.issues[0].message).toMatch(/至少 10 个字/)
    const missingReasons = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: item.version, decision: 'refuse', confirmReference })
    expect(missingReasons.status).toBe(400)
    expect(missingReasons.body.data.issues[0]).toMatchObject({ path: 'reasons' })
    const reasons = '经核查，申请人与被申请人之间不存在劳动关系，所述款项系借款，不属于法律援助范围。'
    const refused = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: item.version, decision: 'refuse', reasons, confirmReference })
    expect(refused.status).toBe(200)

    const seen = await anon().post(STATUS, { reference: created.reference, phone: a.phone })
    expect(seen.body).toMatchObject({ status: 'refused', canObject: true, refusal: { reasons } })
    expect(seen.body.refusal.objectionRoute).toContain('司法行政部门')
    expect(seen.body.refusal.objectionRoute).toContain('五日内')
    expect(seen.body.refusal.objectionRoute).toContain('第四十九条')

    const objection = await anon().post('/api/legal-aid/applications/objection', { reference: created.reference, phone: a.phone, reason: '我有工牌和考勤记录，可以证明劳动关系。' })
    expect(objection.status).toBe(200)
    expect(objection.body).toMatchObject({ status: 'objection_pending', deadlines: [{ kind: 'objection', basis: '法律援助法第四十九条第二款' }] })
    const again = await anon().post('/api/legal-aid/applications/objection', { reference: created.reference, phone: a.phone, reason: '再次提出异议的理由很多很多' })
    expect(again.status).toBe(409)

    // 第四十九条: the 司法行政部门 decides, not the centre that refused.
    const pending = await reviewer.get(`${QUEUE}/${item.id}`)
    expect(pending.body.allowed.decideObjection).toBe(false)
    const byCentre = await reviewer.post(`${QUEUE}/${item.id}/objection-decision`, { version: pending.body.version, decision: 'correct', reasons: '申请人补充了劳动关系证据，责令改正。', confirmReference })
    expect(byCentre.status).toBe(403)
    const bureau = await signedIn(server.url, 'justice1')
    const bureauQueue = await bureau.get(QUEUE)
    expect(bureauQueue.body.map((q: { reference: string }) => q.reference)).toContain(created.reference)
    expect(bureauQueue.body.every((q: { status: string }) => q.status === 'objection_pending')).toBe(true)
    const seenByBureau = await bureau.get(`${QUEUE}/${item.id}`)
    expect(seenByBureau.body.objection.reason).toContain('工牌')
    expect(seenByBureau.body.allowed).toMatchObject({ decideObjection: true, decide: false })
    expect((await bureau.post(`${QUEUE}/${item.id}/decision`, { version: pending.body.version, decision: 'grant', confirmReference })).status).toBe(403)
    const decided = await bureau.post(`${QUEUE}/${item.id}/objection-decision`, { version: pending.body.version, decision: 'correct', reasons: '申请人补充了劳动关系证据，责令改正。', confirmReference })
    expect(decided.status).toBe(200)
    // 责令改正 is not a grant: the centre decides again, on a new clock.
    expect(decided.body).toMatchObject({ status: 'correction_ordered', deadlines: [{ kind: 'redecision' }] })
    const redo = await reviewer.get(`${QUEUE}/${item.id}`)
    expect(redo.body.allowed).toMatchObject({ decide: true, terminate: false })
    const granted = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: redo.body.version, decision: 'grant', confirmReference })
    expect(granted.body).toMatchObject({ status: 'granted', deadlines: [{ kind: 'assign' }] })

    // 第四十八条: termination with a ground and reasons, objectionable (第四十九条) — to the bureau again.
    const noGround = await reviewer.post(`${QUEUE}/${item.id}/termination`, { version: granted.body.version, reasons: '受援人自行委托了律师事务所的律师。', confirmReference })
    expect(noGround.status).toBe(400)
    const terminated = await reviewer.post(`${QUEUE}/${item.id}/termination`, { version: granted.body.version, ground: 6, reasons: '受援人自行委托了律师事务所的律师。', confirmReference })
    expect(terminated.status).toBe(200)
    expect(terminated.body).toMatchObject({ status: 'terminated', termination: { ground: 6 } })
    const told = await anon().post(STATUS, { reference: created.reference, phone: a.phone })
    expect(told.body).toMatchObject({ status: 'terminated', canObject: true, termination: { ground: 6, reasons: '受援人自行委托了律师事务所的律师。' } })
    expect(told.body.termination.objectionRoute).toContain('第四十九条')
    const objectTermination = await anon().post('/api/legal-aid/applications/objection', { reference: created.reference, phone: a.phone, reason: '我没有自行委托律师，是亲戚帮忙咨询。' })
    expect(objectTermination.status).toBe(200)
    expect(objectTermination.body).toMatchObject({ status: 'objection_pending', objection: { subject: 'termination' } })
    const again2 = await bureau.get(`${QUEUE}/${item.id}`)
    const maintained = await bureau.post(`${QUEUE}/${item.id}/objection-decision`, { version: again2.body.version, decision: 'maintain', reasons: '经核实，受援人已委托律师，维持终止决定。', confirmReference })
    expect(maintained.body.status).toBe('objection_maintained')
  })

  it('第四十四条: aid before the decision, then the formal decision', async () => {
    const { created } = await apply()
    const reviewer = await signedIn(server.url, 'reviewer1')
    const item = (await reviewer.get(QUEUE)).body.find((q: { reference: string }) => q.reference === created.reference)
    const confirmReference = created.reference
    const noGround = await reviewer.post(`${QUEUE}/${item.id}/provisional`, { version: item.version, lawyer: '王律师', firm: '宁夏某某律师事务所', confirmReference })
    expect(noGround.status).toBe(400)
    const started = await reviewer.post(`${QUEUE}/${item.id}/provisional`, { version: item.version, ground: 1, lawyer: '王律师', firm: '宁夏某某律师事务所', confirmReference })
    expect(started.status).toBe(200)
    expect(started.body).toMatchObject({ status: 'provisional', provisional: { ground: 1 }, deadlines: [{ kind: 'decision' }] })
    const granted = await reviewer.post(`${QUEUE}/${item.id}/decision`, { version: started.body.version, decision: 'grant', confirmReference })
    expect(granted.body).toMatchObject({ status: 'assigned', assignment: { lawyer: '王律师' } })
  })

  it('the justice bureau cannot open an application without an objection', async () => {
    const { created } = await apply()
    const reviewer = await signedIn(server.url, 'reviewer1')
    const item = (await reviewer.get(QUEUE)).body.find((q: { reference: string }) => q.reference === created.reference)
    const bureau = await signedIn(server.url, 'justice1')
    expect((await bureau.get(`${QUEUE}/${item.id}`)).status).toBe(404)
  })

  it('the server log carries no ID number or phone number from these tests', async () => {
    const log = readFileSync(server.logFile, 'utf8')
    expect(used.length).toBeGreaterThan(4)
    expect(personalValuesIn(log.split('\n'), used), 'personal value in server log').toEqual([])
  })
})
