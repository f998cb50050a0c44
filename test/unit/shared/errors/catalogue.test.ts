// Every code the server can answer with is in the one catalogue (shared/errors), with a status
// and a Chinese sentence. The scan reads server/ and shared/ for the ways a code is thrown today:
// `new DomainError('CODE'`, `catalogueError('CODE'`, `refuse(413, 'CODE'`, `registerConstraintCode('c', 'CODE')`
// and `code: 'CODE'` inside an error's data.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { errorCatalogue, errorMessage, isErrorCode } from '#shared/errors'
import { DomainError } from '~~/server/domain/errors'

const root = join(import.meta.dirname, '../../../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return name === 'migrations' ? [] : sourceFiles(p)
    return /\.(ts|vue)$/.test(name) ? [p] : []
  })
}

const patterns = [
  /new DomainError\(\s*'([A-Z][A-Z0-9_]*)'/g,
  /catalogueError\(\s*'([A-Z][A-Z0-9_]*)'/g,
  /refuse\(\s*\d{3},\s*'([A-Z][A-Z0-9_]*)'/g,
  /registerConstraintCode\(\s*'[^']+',\s*'([A-Z][A-Z0-9_]*)'/g,
  /data:\s*\{\s*code:\s*'([A-Z][A-Z0-9_]*)'/g,
]

function thrownCodes(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const file of [...sourceFiles(join(root, 'server')), ...sourceFiles(join(root, 'shared'))]) {
    const text = readFileSync(file, 'utf8')
    for (const re of patterns) {
      for (const m of text.matchAll(re)) found.set(m[1]!, [...(found.get(m[1]!) ?? []), relative(root, file)])
    }
  }
  return found
}

describe('error catalogue', () => {
  it('has every code thrown in server/ and shared/', () => {
    const codes = thrownCodes()
    expect(codes.size).toBeGreaterThan(40) // the scan itself works
    const missing = [...codes].filter(([code]) => !isErrorCode(code)).map(([code, files]) => `${code} (${files.join(', ')})`)
    expect(missing).toEqual([])
  })

  it('gives every code a 4xx/5xx status and a Chinese sentence', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/)
      expect(entry.status, code).toBeGreaterThanOrEqual(400)
      expect(entry.status, code).toBeLessThan(600)
      expect(entry.message, code).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('maps a code to its sentence for the browser, and nothing for an unknown code', () => {
    expect(errorMessage('SLOT_FULL')).toBe('该时段已约满，请选择其他时间，或加入候补；也可拨打 12348。')
    expect(errorMessage('NO_SUCH_CODE')).toBeUndefined()
    expect(errorMessage(undefined)).toBeUndefined()
  })

  it('DomainError takes status and message from the catalogue', () => {
    const e = new DomainError('CASE_NOT_FOUND')
    expect(e.status).toBe(404)
    expect(e.message).toBe(errorCatalogue.CASE_NOT_FOUND.message)
    const precise = new DomainError('WEAK_PASSWORD', { problems: ['short'] }, '密码至少 10 个字符')
    expect(precise.status).toBe(400)
    expect(precise.message).toBe('密码至少 10 个字符')
    expect(precise.details).toEqual({ problems: ['short'] })
  })
})
