// The review page's forms without JavaScript (with it, the page posts JSON to
// /api/staff/legal-aid/applications/[id]/…): the same schemas and services. A decision is
// deliberate in both: the first post (no `confirm`) only checks the form and comes back with the
// confirmation summary naming the reference; the second (`confirm=1`, carrying that reference back
// as `confirmReference`, checked by the service) decides.
import { applicationIdParams, assignBody, decideBody, objectionDecisionBody, provisionalBody, requestMaterialsBody, terminateBody } from '#shared/schemas/applications'
import type { z } from '#shared/schemas/zod'
import type { LegalAidDeps } from '~~/server/domain/legal-aid/service'
import type { SessionActor } from '~~/server/domain/staff/service'
import { DomainError } from '~~/server/domain/errors'
import { assignApplication, decideApplication, decideObjection, requestMaterials, startProvisionalAid, terminateAid } from '~~/server/domain/legal-aid/service'

type Fields = Record<string, string | undefined>
const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v))
/** The first of several names a field goes by (the page's radio groups have their own names). */
const pick = (f: Fields, ...names: string[]) => names.map(n => f[n]).find(v => v !== undefined)
const lines = (v: string | undefined) => (v ?? '').split('\n').map(s => s.trim()).filter(Boolean)

interface Action { roles: readonly ('reviewer' | 'justice_bureau')[], confirm: boolean, schema: z.ZodType, body: (f: Fields) => Record<string, unknown>, run: (deps: LegalAidDeps, input: never, actor: SessionActor) => Promise<unknown>, ok: (b: Record<string, unknown>) => string }

const ACTIONS: Record<string, Action> = {
  'decision': {
    roles: ['reviewer'], confirm: true, schema: decideBody, run: decideApplication,
    body: f => ({ decision: f.decision || undefined, ...(f.decision === 'refuse' ? { reasons: f.reasons ?? '' } : {}) }),
    ok: b => b.decision === 'refuse' ? '已决定不予法律援助，申请人可看到理由和异议途径。' : '已决定给予法律援助，请在 3 日内指派。',
  },
  'provisional': {
    roles: ['reviewer'], confirm: true, schema: provisionalBody, run: startProvisionalAid,
    body: f => ({ ground: num(pick(f, 'ground', 'provisional-ground')), lawyer: f.lawyer ?? '', firm: f.firm ?? '' }),
    ok: () => '已先行提供法律援助；申请人补办手续、补充材料后请作出决定。',
  },
  'termination': {
    roles: ['reviewer'], confirm: true, schema: terminateBody, run: terminateAid,
    body: f => ({ ground: num(pick(f, 'ground', 'termination-ground')), reasons: f.reasons ?? '' }),
    ok: () => '已终止法律援助，受援人可看到理由和异议途径（第四十九条）。',
  },
  'objection-decision': {
    roles: ['justice_bureau'], confirm: true, schema: objectionDecisionBody, run: decideObjection,
    body: f => ({ decision: pick(f, 'decision', 'objection-decision') || undefined, reasons: f.reasons ?? '' }),
    ok: b => b.decision === 'correct' ? '已责令法律援助机构改正，由其重新作出决定。' : '已维持法律援助机构的决定。',
  },
  'materials-request': {
    roles: ['reviewer'], confirm: false, schema: requestMaterialsBody, run: requestMaterials,
    body: f => ({ items: lines(f.items) }),
    ok: () => '已一次性告知申请人补充材料，决定期限暂停计算。',
  },
  'assign': {
    roles: ['reviewer'], confirm: false, schema: assignBody, run: assignApplication,
    body: f => ({ lawyer: f.lawyer ?? '', firm: f.firm ?? '' }),
    ok: () => '已记录指派。',
  },
}

const pageOf = (id: string) => `/staff/review/${/^[0-9a-f-]{36}$/i.test(id) ? id : ''}`

export default defineEventHandler(async (event) => {
  const name = getRouterParam(event, 'action') ?? ''
  const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name]! : undefined
  const id = getRouterParam(event, 'id') ?? ''
  return defineStaffFormHandler({ form: 'review', roles: action?.roles ?? ['reviewer'], back: () => pageOf(id) }, async ({ event, actor, fields, app }) => {
    if (!action) throw new DomainError('APPLICATION_NOT_FOUND')
    const { id: applicationId } = applicationIdParams.parse({ id })
    const f: Fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]]))
    const body = { version: num(f.version), ...action.body(f) }
    if (action.confirm && f.confirm !== '1') {
      // first post: check the form (the reference is filled in only to satisfy the schema), then
      // come back to the page with the confirmation summary
      action.schema.parse({ ...body, confirmReference: f.reference })
      await setStaffFlash(event, { form: 'review-confirm', values: { ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, string> } })
      return { to: pageOf(applicationId) }
    }
    const parsed = action.schema.parse(action.confirm ? { ...body, confirmReference: f.confirmReference } : body) as Record<string, unknown>
    await action.run(legalAidDeps(app, requestIpHash(event, app)), { ...parsed, id: applicationId } as never, actor)
    return { to: pageOf(applicationId), notice: action.ok(body) }
  })(event)
})
