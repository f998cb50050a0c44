import { describe, expect, it } from 'vitest'
import { documentOwnerOf, documentsFlashFor, documentsFrom, withDocumentsFlash } from '~~/server/domain/forms/documents'

describe('the upload form: who uploads comes from the sealed draft, never from the form', () => {
  it('the apply page proves the application this browser sent (the sealed reference)', () => {
    expect(documentOwnerOf({ adone: { reference: 'YCFY-2026-000123-K7QD2' } }, 'apply')).toEqual({ sealedReference: 'YCFY-2026-000123-K7QD2' })
    expect(documentOwnerOf({}, 'apply')).toBeUndefined()
    expect(documentOwnerOf({ adone: { reference: 42 } }, 'apply')).toBeUndefined()
    expect(documentOwnerOf({ adone: { reference: 'x'.repeat(41) } }, 'apply')).toBeUndefined()
    // the status proof does not open the apply page's upload, nor the other way round
    expect(documentOwnerOf({ st: { reference: 'R', phone: 'P' } }, 'apply')).toBeUndefined()
    expect(documentOwnerOf({ adone: { reference: 'R' } }, 'status')).toBeUndefined()
  })

  it('the status page proves it with the look-up proof (reference + phone)', () => {
    expect(documentOwnerOf({ st: { reference: 'R', phone: '13900000000' } }, 'status')).toEqual({ reference: 'R', phone: '13900000000' })
    expect(documentOwnerOf({ st: { reference: 'R' } }, 'status')).toBeUndefined()
  })

  it('only "status" selects the status page; the result is shown on the page it came from', () => {
    expect(documentsFrom('status')).toBe('status')
    expect(documentsFrom('anything')).toBe('apply')
    expect(documentsFrom(undefined)).toBe('apply')
    const s = withDocumentsFlash({ adone: { reference: 'R' } }, { from: 'apply', error: '文件太大' })
    expect(documentsFlashFor(s, 'apply')).toEqual({ from: 'apply', error: '文件太大' })
    expect(documentsFlashFor(s, 'status')).toBeUndefined()
  })
})
