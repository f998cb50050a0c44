// Importing a new version of a law from a file (issue 11): the statutes JSONL format, checked line by line.
import { describe, expect, it } from 'vitest'
import { parseLawVersionFile } from '~~/server/domain/statutes/import-file'
import { DomainError } from '~~/server/domain/errors'

const rec = (n: number, o: Record<string, unknown> = {}) => JSON.stringify({
  id: `Lfeedbeef01-a${String(n).padStart(4, '0')}`, law_id: 'Lfeedbeef01', law_title: '中华人民共和国治安管理处罚法', level: '法律',
  version_date: '2025-06-27', article_no: n, article_label: `第${n}条`, text: `第${n}条的条文。`, ...o,
})

const codeOf = (f: () => unknown) => { try { f(); return null } catch (e) { return e instanceof DomainError ? e.code : String(e) } }

describe('parseLawVersionFile', () => {
  it('reads one law, in force and latest by default', () => {
    const rs = parseLawVersionFile(`${rec(1)}\n\n${rec(2)}\r\n`)
    expect(rs).toHaveLength(2)
    expect(rs[0]).toMatchObject({ law_id: 'Lfeedbeef01', in_force: true, is_latest: true, article_no: 1 })
  })

  it('names the first bad line', () => {
    expect(codeOf(() => parseLawVersionFile(`${rec(1)}\n{not json`))).toBe('IMPORT_INVALID')
    try { parseLawVersionFile(`${rec(1)}\n${rec(2, { level: '通知' })}`) } catch (e) { expect((e as DomainError).message).toContain('第 2 行') }
  })

  it('refuses ids outside their law, mixed laws, duplicates and empty files', () => {
    expect(codeOf(() => parseLawVersionFile(rec(1, { id: 'L0000000000-a0001' })))).toBe('IMPORT_INVALID')
    expect(codeOf(() => parseLawVersionFile(`${rec(1)}\n${rec(2, { id: 'L0000000000-a0002', law_id: 'L0000000000' })}`))).toBe('IMPORT_MIXED_LAWS')
    expect(codeOf(() => parseLawVersionFile(`${rec(1)}\n${rec(1)}`))).toBe('IMPORT_DUPLICATE_ID')
    expect(codeOf(() => parseLawVersionFile('\n \n'))).toBe('IMPORT_EMPTY')
  })
})
