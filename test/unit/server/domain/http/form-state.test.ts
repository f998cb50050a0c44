import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CHUNK_CHARS, DRAFT_TTL_MS, formStateCodec, MAX_CHUNKS, safeReturnPath } from '~~/server/domain/http/form-state'

const master = randomBytes(32)
const now = Date.UTC(2026, 11, 1, 6)

describe('form-state codec (the no-JavaScript draft cookie)', () => {
  it('round-trips a draft and never shows the plaintext', () => {
    const codec = formStateCodec(master)
    const draft = { apply: { name: '马建国', idNumber: '640104198506151234', summary: '包工头拖欠工资' } }
    const chunks = codec.seal(draft, now)
    expect(chunks.join('')).not.toContain('640104')
    expect(chunks.join('')).toMatch(/^[\w-]+$/)
    expect(codec.open(chunks, now + 1000)).toEqual(draft)
  })

  it('splits a long draft into cookie-sized chunks, and refuses what would not fit', () => {
    const codec = formStateCodec(master)
    // 1000 random CJK characters barely compress: more than one chunk
    const summary = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(0x4E00 + ((i * 7919) % 20000))).join('')
    const chunks = codec.seal({ summary, id: randomBytes(200).toString('hex') }, now)
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.every(c => c.length <= CHUNK_CHARS)).toBe(true)
    expect(codec.open(chunks, now)).toEqual({ summary, id: expect.any(String) })
    expect(() => codec.seal({ big: randomBytes(CHUNK_CHARS * MAX_CHUNKS).toString('hex') }, now)).toThrow(RangeError)
  })

  it('drops an altered, foreign, truncated or stale draft', () => {
    const codec = formStateCodec(master)
    const chunks = codec.seal({ a: 1 }, now)
    const flipped = chunks[0]!.slice(0, 40) + (chunks[0]![40] === 'A' ? 'B' : 'A') + chunks[0]!.slice(41)
    expect(codec.open([flipped], now)).toBeUndefined()
    expect(formStateCodec(randomBytes(32)).open(chunks, now)).toBeUndefined()
    expect(codec.open([chunks[0]!.slice(0, 20)], now)).toBeUndefined()
    expect(codec.open(['not base64 !!'], now)).toBeUndefined()
    expect(codec.open(chunks, now + DRAFT_TTL_MS + 1)).toBeUndefined()
    expect(codec.open(chunks, now + DRAFT_TTL_MS - 1)).toEqual({ a: 1 })
  })
})

describe('safeReturnPath', () => {
  it('keeps same-site paths and refuses other hosts and schemes', () => {
    expect(safeReturnPath('/eligibility?step=2')).toBe('/eligibility?step=2')
    for (const bad of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', '/\\evil.example', '/a\nb', 42, undefined]) {
      expect(safeReturnPath(bad, '/x')).toBe('/x')
    }
  })
})
