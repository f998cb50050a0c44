// Where an article stands (issue 11, "Law in force"): never presented as current law when it is not.
import { describe, expect, it } from 'vitest'
import { describeStatuteStatus, type LawStatusRecord, type StatusArticle } from '~~/server/domain/statutes/status'

const art = (o: Partial<StatusArticle> = {}): StatusArticle => ({
  id: 'L912d279cec-a0007', lawId: 'L912d279cec', lawTitle: '最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（三）',
  articleLabel: '第七条', versionDate: '2011-08-09', isLatest: true, inForce: false, ...o,
})

describe('describeStatuteStatus', () => {
  it('an article in force is just in force', () => {
    expect(describeStatuteStatus(art({ inForce: true }))).toMatchObject({ kind: 'in_force', since: null, current: null, currentLaw: null })
  })

  it('a repealed interpretation without an editorial record says it is repealed, date unknown', () => {
    const s = describeStatuteStatus(art())
    expect(s).toMatchObject({ kind: 'repealed', since: null, source: 'dataset', current: null })
    expect(s.note).toMatch(/失效/)
    expect(s.note).toMatch(/12348/)
  })

  it('婚姻法解释（三）: repealed on 2021-01-01 (法释〔2020〕16号), links the successor law when renumbered', () => {
    const record: LawStatusRecord = { lawId: 'L912d279cec', status: 'repealed', effectiveDate: '2021-01-01', note: '现适用婚姻家庭编解释（一）。', successorLawId: 'Lc91050fda0', successorRenumbered: true }
    const first = art({ id: 'Lc91050fda0-a0001', lawId: 'Lc91050fda0', lawTitle: '婚姻家庭编的解释（一）', articleLabel: '第一条', versionDate: '2020-12-29', inForce: true })
    const same = art({ id: 'Lc91050fda0-a0007', lawId: 'Lc91050fda0', lawTitle: '婚姻家庭编的解释（一）', inForce: true })
    const s = describeStatuteStatus(art(), { record, sameLabelCurrent: same, successorFirst: first })
    expect(s).toMatchObject({ kind: 'repealed', since: '2021-01-01', source: 'editorial', current: null })
    expect(s.currentLaw).toEqual({ id: 'Lc91050fda0-a0001', lawTitle: '婚姻家庭编的解释（一）', versionDate: '2020-12-29' })
    expect(s.note).toContain('自2021年1月1日起已废止')
    expect(s.note).toContain('现适用婚姻家庭编解释（一）。')
  })

  it('治安管理处罚法 (2012 text): superseded since 2026-01-01, no successor text yet', () => {
    const record: LawStatusRecord = { lawId: 'Ldcf3ee39da', status: 'superseded', effectiveDate: '2026-01-01', note: '', successorLawId: null, successorRenumbered: true }
    const s = describeStatuteStatus(art({ id: 'Ldcf3ee39da-a0102', lawId: 'Ldcf3ee39da', lawTitle: '中华人民共和国治安管理处罚法', articleLabel: '第一百零二条', versionDate: '2012-10-26' }), { record })
    expect(s).toMatchObject({ kind: 'superseded', since: '2026-01-01', current: null, currentLaw: null })
    expect(s.note).toContain('自2026年1月1日起已被修订后的新法取代')
  })

  it('an editor successor that kept the numbering links the article with the same label', () => {
    const record: LawStatusRecord = { lawId: 'L1', status: 'superseded', effectiveDate: null, note: '', successorLawId: 'L2', successorRenumbered: false }
    const same = art({ id: 'L2-a0007', lawId: 'L2', inForce: true, versionDate: '2024-01-01' })
    const s = describeStatuteStatus(art({ lawId: 'L1' }), { record, sameLabelCurrent: same })
    expect(s.current).toEqual({ id: 'L2-a0007', lawTitle: same.lawTitle, articleLabel: '第七条', versionDate: '2024-01-01' })
    expect(s.since).toBeNull()
  })

  it('an older version of a law (is_latest false) links the same label in the newest version, dated', () => {
    const old = art({ id: 'L6a9789464a-a0001', lawId: 'L6a9789464a', lawTitle: '上海市住宅物业管理规定', articleLabel: '第一条', versionDate: '2010-12-23', isLatest: false })
    const cur = art({ id: 'L81efdad539-a0001', lawId: 'L81efdad539', lawTitle: '上海市住宅物业管理规定', articleLabel: '第一条', versionDate: '2020-12-30', inForce: true })
    const s = describeStatuteStatus(old, { sameLabelCurrent: cur })
    expect(s).toMatchObject({ kind: 'superseded', since: '2020-12-30', source: 'dataset' })
    expect(s.current?.id).toBe('L81efdad539-a0001')
    expect(s.note).toContain('2010年12月23日版')
  })

  it('never links a "current" provision that is itself not in force', () => {
    const old = art({ isLatest: false })
    const s = describeStatuteStatus(old, { sameLabelCurrent: art({ id: 'X-a0007', inForce: false }) })
    expect(s.current).toBeNull()
  })
})
