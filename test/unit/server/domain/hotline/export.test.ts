import { parseCsv as parse } from '~~/test/helpers/csv'
import { describe, expect, it } from 'vitest'
import { callsCsv, EXPORT_COLUMNS, shanghaiDateTime } from '~~/server/domain/hotline/export'
import type { ExportRow } from '~~/server/repositories/hotline'

const row = (over: Partial<ExportRow> = {}): ExportRow => ({
  reference: 'RX-2026-ABCDEF', startedAt: new Date('2026-12-01T15:59:00Z'), topic: '劳动争议', outcomeLabel: '已解答',
  callerGroups: ['migrant_worker', 'elderly'], callerPhoneMasked: '139****5678', operatorName: '坐席甲', urgent: true,
  safeToCallBack: false, discreet: true, interpreter: 'sign_language', elderlyOrDisabled: true, toldOfLegalAidRight: true, callbackStatus: 'booked',
  ...over,
})

describe('call log CSV', () => {
  it('has a BOM, a Chinese header, Beijing times and masked numbers only', () => {
    const csv = callsCsv([row()])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, first] = parse(csv.slice(1)) as string[][]
    expect(header).toEqual([...EXPORT_COLUMNS])
    expect(first).toEqual(['RX-2026-ABCDEF', '2026-12-01 23:59', '劳动争议', '已解答', '139****5678', '农民工、老年人', '是', '否', '是', '需要手语', '是', '是', '坐席甲', '待回拨'])
    expect(shanghaiDateTime(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02 00:00')
  })

  // Each character a spreadsheet starts a formula (or a DDE payload) with: the cell gets a leading ' .
  it.each([['=', '=HYPERLINK("http://x","y")'], ['+', '+1+cmd|/C calc!A0'], ['-', '-2+3'], ['@', '@SUM(A1)'], ['tab', '\t=1+1'], ['CR', '\r=1+1'], ['fullwidth ＝', '＝1+1']])(
    'neutralises a cell starting with %s', (_name, evil) => {
      const csv = callsCsv([row({ outcomeLabel: evil, operatorName: evil })])
      const [, first] = parse(csv.slice(1)) as string[][]
      expect(first![3]).toBe(`'${evil}`)
      expect(first![12]).toBe(`'${evil}`)
      // Harmless text is untouched.
      expect(first![0]).toBe('RX-2026-ABCDEF')
    })

  it('writes anonymous callers and calls without a callback plainly', () => {
    const [, first] = parse(callsCsv([row({ callerPhoneMasked: null, callbackStatus: null, callerGroups: [] })]).slice(1)) as string[][]
    expect(first![4]).toBe('匿名')
    expect(first![5]).toBe('')
    expect(first![13]).toBe('')
  })
})
