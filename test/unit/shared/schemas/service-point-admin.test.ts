import { describe, expect, it } from 'vitest'
import { servicePointIdParams, updateServicePointBody } from '#shared/schemas/service-point-admin'

const ok = { address: '银川市金凤区某路（测试）', phone: '0951-1234567', openingHours: '周一至周五 09:00-17:00', accessibility: '', active: true }
const messageOf = (input: unknown) => {
  const r = updateServicePointBody.safeParse(input)
  return r.success ? undefined : r.error.issues.map(i => `${String(i.path[0])}: ${i.message}`).join(' | ')
}

describe('updateServicePointBody (the admin form and the routes)', () => {
  it('accepts a landline, a mobile and a 5-digit service number; fullwidth digits and dashes become halfwidth', () => {
    expect(updateServicePointBody.parse(ok).phone).toBe('0951-1234567')
    expect(updateServicePointBody.parse({ ...ok, phone: '１２３４８' }).phone).toBe('12348')
    expect(updateServicePointBody.parse({ ...ok, phone: '０９５１－１２３４５６７' }).phone).toBe('0951-1234567')
    expect(updateServicePointBody.parse({ ...ok, phone: '13912345678' }).phone).toBe('13912345678')
  })

  it('refuses what is not a phone number, with a Chinese message', () => {
    for (const phone of ['', '123', '0951-123', 'abc12348', '12348; drop table', '95111234567']) expect(messageOf({ ...ok, phone }), phone).toMatch(/^phone: 请填写网点电话/)
  })

  it('reads the checkbox as a plain form posts it ("on" or absent) and as JSON does (true/false)', () => {
    expect(updateServicePointBody.parse({ ...ok, active: 'on' }).active).toBe(true)
    expect(updateServicePointBody.parse({ ...ok, active: undefined }).active).toBe(false)
    expect(updateServicePointBody.parse({ ...ok, active: false }).active).toBe(false)
    expect(updateServicePointBody.parse({ ...ok, active: 'true' }).active).toBe(true)
  })

  it('refuses an empty or huge address, bad hours, a huge note and NUL bytes, each on its field in Chinese', () => {
    expect(messageOf({ ...ok, address: '   ' })).toMatch(/^address: 请填写地址/)
    expect(messageOf({ ...ok, address: '路'.repeat(121) })).toMatch(/^address: 地址不能超过 120 个字/)
    expect(messageOf({ ...ok, openingHours: '全天' })).toMatch(/^openingHours: 开放时间第 1 行请写成/)
    expect(messageOf({ ...ok, accessibility: '坡'.repeat(301) })).toMatch(/^accessibility: 无障碍说明不能超过 300 个字/)
    expect(messageOf({ ...ok, address: '金凤区\u0000' })).toMatch(/^address: 内容包含无法识别的字符/)
    expect(messageOf({ ...ok, openingHours: '周一 09:00\u0000' })).toMatch(/^openingHours: /)
  })

  it('the point id is a uuid', () => {
    expect(servicePointIdParams.safeParse({ id: 'yc-helan' }).success).toBe(false)
  })
})
