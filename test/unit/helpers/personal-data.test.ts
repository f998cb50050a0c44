import { describe, expect, it } from 'vitest'
import { personalValuesIn } from '../../helpers/personal-data'

describe('personalValuesIn (the "personal data is absent" check of the tests)', () => {
  it('finds a whole value in any string, number or key, with its place', () => {
    const body = { items: [{ id: 'a1', note: '电话 13912345678 请回电' }], total: 13912345678, map: { '13912345678': 1 } }
    expect(personalValuesIn(body, ['13912345678'])).toEqual([
      '$.items[0].note holds "13912345678"',
      '$.total holds "13912345678"',
      '$.map{key 13912345678} holds "13912345678"',
    ])
    expect(personalValuesIn({ name: '马**' }, ['马秀兰'])).toEqual([])
  })

  it('refuses a short ASCII value that random ids may contain by chance', () => {
    expect(() => personalValuesIn({ id: '1e4d1390-0000' }, ['139'])).toThrow(/too short/)
    expect(() => personalValuesIn({}, [''])).toThrow(/too short/)
  })

  it('does not look inside dates', () => {
    expect(personalValuesIn({ at: new Date(1_391_234_567_800) }, ['139123'])).toEqual([])
  })
})
