// The schedule computed in child processes with very different TZ settings gives identical instants.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const script = `
import { planSlots } from './server/domain/appointments/schedule.ts'
const r = { weekdays: [1,2,3,4,5], startTime: '09:00', endTime: '10:00', slotMinutes: 30, capacity: 1, validFrom: null, validTo: null }
console.log(JSON.stringify(planSlots({ rules: [r], closures: [], extras: [] }, '2026-02-12', '2026-02-18').map(s => s.startsAt.toISOString())))
`

describe('TZ independence', () => {
  it('TZ=UTC, America/Los_Angeles, Asia/Shanghai, Pacific/Kiritimati: same slots, 调休 and holidays included', () => {
    const out = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'].map(TZ =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ }, encoding: 'utf8' }).trim())
    expect(new Set(out).size).toBe(1)
    // 02-12 Thu, 02-13 Fri, 02-14 Sat 调休 working day; 02-15..18 Spring Festival.
    expect(JSON.parse(out[0]!)).toEqual([
      '2026-02-12T01:00:00.000Z', '2026-02-12T01:30:00.000Z',
      '2026-02-13T01:00:00.000Z', '2026-02-13T01:30:00.000Z',
      '2026-02-14T01:00:00.000Z', '2026-02-14T01:30:00.000Z',
    ])
  }, 60_000)
})
