import { describe, expect, it } from 'vitest'
import { statusFormView, submitStatusForm, type StatusUseCases } from '~~/server/domain/forms/status'
import type { ApplicationStatusDto } from '#shared/types/applications'

const REF = 'YCFY-2026-000123-K7QD2'
const PHONE = '13995112345'
const status = { reference: REF, statusLabel: '已受理' } as ApplicationStatusDto

class Refused extends Error {}
function useCases(): StatusUseCases & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    lookup: async (p) => {
      calls.push(`lookup ${p.reference} ${p.phone}`)
      if (p.phone !== PHONE) throw new Refused('找不到该申请，请核对受理编号和联系电话')
      return status
    },
    supply: async (b) => { calls.push(`supply ${b.note}`); return status },
    object: async (b) => { calls.push(`object ${b.reason}`); return status },
    messageOf: e => (e instanceof Refused ? e.message : undefined),
  }
}

describe('the status look-up without JavaScript (POST → 303 /legal-aid/status)', () => {
  it('keeps the proof (not in the URL) once it opened the application, and shows the status from it', async () => {
    const uc = useCases()
    const out = await submitStatusForm({}, { action: ['lookup'], reference: [` ${REF.toLowerCase()} `], phone: [PHONE] }, uc)
    expect(out.location).toBe('/legal-aid/status')
    expect(out.state.st).toEqual({ reference: REF, phone: PHONE })
    const view = await statusFormView(out.state, {}, uc)
    expect(view).toMatchObject({ reference: REF, errors: [], status: { statusLabel: '已受理' } })
    // an action uses the kept proof and says what it did
    const supplied = await submitStatusForm(out.state, { action: ['supply'], note: ['已送到兴庆区法律援助工作站'] }, uc)
    expect(uc.calls.at(-1)).toBe('supply 已送到兴庆区法律援助工作站')
    expect((await statusFormView(supplied.state, {}, uc)).done).toMatch(/已补充材料/)
    // leaving forgets the proof
    const left = await submitStatusForm(supplied.state, { action: ['leave'] }, uc)
    expect(left.state.st).toBeUndefined()
    expect((await statusFormView(left.state, {}, uc)).status).toBeUndefined()
  })

  it('sends the form back with its errors (linked to the fields), or with the service\'s refusal', async () => {
    const uc = useCases()
    const empty = await submitStatusForm({}, { action: ['lookup'], reference: [''], phone: [''] }, uc)
    const view = await statusFormView(empty.state, {}, uc)
    expect(view.errors.map(e => [e.name, e.target])).toEqual([['reference', 'status-ref'], ['phone', 'status-phone']])
    expect(uc.calls).toEqual([])

    const wrong = await submitStatusForm({}, { action: ['lookup'], reference: [REF], phone: ['13995100000'] }, uc)
    expect(wrong.state.st).toBeUndefined()
    const refused = await statusFormView(wrong.state, {}, uc)
    expect(refused).toMatchObject({ reference: REF, formError: '找不到该申请，请核对受理编号和联系电话' })
    expect(refused.status).toBeUndefined()
    // an action without a proof does nothing; other failures are not swallowed
    expect((await submitStatusForm({}, { action: ['object'], reason: ['理由理由理由理由理由理由'] }, uc)).state).toEqual({})
    await expect(submitStatusForm({}, { action: ['lookup'], reference: [REF], phone: [PHONE] }, { ...uc, lookup: () => Promise.reject(new Error('db down')) })).rejects.toThrow('db down')
  })

  it('the confirmation\'s link fills in the reference', async () => {
    expect((await statusFormView({}, { ref: REF }, useCases())).reference).toBe(REF)
  })
})
