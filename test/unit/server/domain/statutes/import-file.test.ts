// Importing a new version of a law from a file (issue 11): the statutes JSONL format, checked line by line.
import { describe, expect, it } from 'vitest'
import { lawVersionFileText, parseLawVersionFile } from '~~/server/domain/statutes/import-file'
import { IMPORT_MAX_BYTES, importLawVersionBody, utf8ByteLength } from '~~/shared/schemas/statutes'
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

describe('parseLawVersionFile refuses what is no text', () => {
  it('names the line and field of a NUL or a lone surrogate made by a JSON escape (PostgreSQL cannot store NUL)', () => {
    for (const bad of ['a\\u0000b', '\\ud800x']) {
      const line = rec(2).replace('第2条的条文。', bad)
      let err: unknown
      try { parseLawVersionFile(`${rec(1)}\n${line}`) } catch (e) { err = e }
      expect((err as DomainError).code).toBe('IMPORT_INVALID')
      expect((err as DomainError).message).toBe('第 2 行格式不正确（text）')
    }
    // a well-formed pair escape is text
    expect(parseLawVersionFile(rec(1, { text: '\uD83D\uDE00 第1条' }))[0]!.text).toBe('\u{1F600} 第1条')
  })
})

describe('lawVersionFileText (the import form without JavaScript)', () => {
  const bytes = (s: string) => ({ bytes: new TextEncoder().encode(s) })

  it('reads a UTF-8 file, without its BOM', () => {
    expect(lawVersionFileText(bytes(rec(1)))).toBe(rec(1))
    expect(lawVersionFileText({ bytes: new Uint8Array([0xEF, 0xBB, 0xBF, ...new TextEncoder().encode('第一条')]) })).toBe('第一条')
  })

  it('refuses no file, an empty file, a file over the cap and one that is not UTF-8, in words', () => {
    expect(codeOf(() => lawVersionFileText(undefined))).toBe('IMPORT_FILE_MISSING')
    expect(codeOf(() => lawVersionFileText({ bytes: new Uint8Array() }))).toBe('IMPORT_FILE_MISSING')
    expect(codeOf(() => lawVersionFileText({ bytes: new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x20) }))).toBe('IMPORT_FILE_TOO_LARGE')
    expect(lawVersionFileText({ bytes: new Uint8Array(IMPORT_MAX_BYTES).fill(0x20) })).toHaveLength(IMPORT_MAX_BYTES)
    // GBK: 第一条 as a Windows editor would save it
    expect(codeOf(() => lawVersionFileText({ bytes: new Uint8Array([0xB5, 0xDA, 0xD2, 0xBB, 0xCC, 0xF5]) }))).toBe('IMPORT_NOT_UTF8')
    try { lawVersionFileText({ bytes: new Uint8Array([0xFF, 0xFE, 0x00]) }) } catch (e) { expect((e as DomainError).message).toMatch(/UTF-8/) }
  })
})

describe('importLawVersionBody caps the file in bytes of UTF-8 (the form and the JSON route alike)', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8ByteLength('aé第\u{1F600}')).toBe(1 + 2 + 3 + 4)
    expect(utf8ByteLength('\uD800')).toBe(3)
  })

  it('refuses Chinese text over 5 MB that is far under 5 million characters', () => {
    const jsonl = '第'.repeat(Math.floor(IMPORT_MAX_BYTES / 3) + 1)
    expect(jsonl.length).toBeLessThan(IMPORT_MAX_BYTES)
    const r = importLawVersionBody.safeParse({ jsonl })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toBe('文件过大（最多 5 MB）')
    expect(importLawVersionBody.safeParse({ jsonl: '第'.repeat(Math.floor(IMPORT_MAX_BYTES / 3)) }).success).toBe(true)
  })
})
