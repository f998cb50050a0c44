import { describe, expect, it } from 'vitest'
import { addStandardBody, standardFormBody } from '~~/shared/schemas/hardship-standards'

const typed: Record<string, string> = {
  id: 'yc-2099-jinfeng-rural', county: 'jinfeng', residence: 'rural', dibaoMonthly: '800', multiplier: '2',
  effectiveFrom: '2099-01-01', effectiveTo: '', source: '金凤区民政局通知', note: '  ',
}

describe('standardFormBody (the add-version form, with and without JavaScript)', () => {
  it('turns the typed fields into the schema input: numbers, and blank optional fields left out', () => {
    const body = standardFormBody(n => typed[n])
    expect(body).toEqual({ id: 'yc-2099-jinfeng-rural', county: 'jinfeng', residence: 'rural', dibaoMonthly: 800, multiplier: 2, effectiveFrom: '2099-01-01', source: '金凤区民政局通知' })
    expect(addStandardBody.parse(body).dibaoMonthly).toBe(800)
  })

  it('a field not sent or not a number is refused by the schema with its Chinese message', () => {
    const r = addStandardBody.safeParse(standardFormBody(n => (n === 'dibaoMonthly' ? '八百' : n === 'effectiveTo' ? '2098-12-31' : typed[n])))
    expect(r.success).toBe(false)
    const messages = Object.fromEntries(r.error!.issues.map(i => [String(i.path[0]), i.message]))
    expect(messages.dibaoMonthly).toBe('低保标准必须是数字')
    expect(addStandardBody.safeParse(standardFormBody(() => undefined)).success).toBe(false)
  })
})
