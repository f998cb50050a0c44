import { describe, expect, it } from 'vitest'
import { AUDIT_ACTION_LABELS, auditActionLabel } from '#shared/domain/audit/actions'

describe('audit action labels', () => {
  it('reads known codes in Chinese', () => {
    expect(auditActionLabel('caller.lookup')).toBe('查询来电人历史记录')
    expect(auditActionLabel('hotline_call.export')).toBe('导出来电记录（CSV）')
    expect(Object.values(AUDIT_ACTION_LABELS).every(l => /[\u4e00-\u9fff]/.test(l))).toBe(true)
  })
  it('reads an unlisted code by its resource and verb, and keeps a foreign code as it is', () => {
    expect(auditActionLabel('booking.reschedule')).toBe('预约 · 改约')
    expect(auditActionLabel('callback.frobnicate')).toBe('回拨 · frobnicate')
    expect(auditActionLabel('zzz.read')).toBe('zzz.read')
  })
})
