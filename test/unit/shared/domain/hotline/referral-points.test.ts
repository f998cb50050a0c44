import { describe, expect, it } from 'vitest'
import { referralPointOptions } from '~~/shared/domain/hotline/referral-points'

const inService = [{ id: 'p1', name: '兴庆区公共法律服务中心' }, { id: 'p2', name: '金凤区公共法律服务中心' }]

describe('referralPointOptions', () => {
  it('lists the points in service', () => {
    expect(referralPointOptions(inService, null).map(p => p.id)).toEqual(['p1', 'p2'])
    expect(referralPointOptions(inService, { id: 'p2', name: '金凤区公共法律服务中心' }).map(p => p.id)).toEqual(['p1', 'p2'])
  })

  it('keeps the point a call was referred to after it is taken out of service, marked so', () => {
    const options = referralPointOptions(inService, { id: 'p9', name: '西夏区某司法所' })
    expect(options[0]).toEqual({ id: 'p9', name: '西夏区某司法所（已停用）' })
    expect(options.map(p => p.id)).toEqual(['p9', 'p1', 'p2'])
  })
})
