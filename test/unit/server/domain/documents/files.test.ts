import { describe, expect, it } from 'vitest'
import { DomainError } from '~~/server/domain/errors'
import {
  checkUpload, cleanFileName, downloadName, MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_TOTAL_BYTES, MAX_UPLOAD_BODY_BYTES, sniffType, uploadBodyTooLarge,
} from '~~/server/domain/documents/files'
import { exeFile, htmlFile, jpegFile, pdfFile, pngFile } from '../../../../helpers/document-files'

const none = { count: 0, totalBytes: 0 }
function codeOf(f: () => unknown): string | undefined {
  try {
    f()
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError'
  }
  return undefined
}

describe('sniffType: the type comes from the content', () => {
  it('recognises JPEG, PNG and PDF by their signatures', () => {
    expect(sniffType(jpegFile())).toEqual({ mimeType: 'image/jpeg', extension: 'jpg' })
    expect(sniffType(pngFile())).toEqual({ mimeType: 'image/png', extension: 'png' })
    expect(sniffType(pdfFile())).toEqual({ mimeType: 'application/pdf', extension: 'pdf' })
  })

  it('refuses an executable, an HTML page, text and truncated signatures', () => {
    expect(sniffType(exeFile())).toBeNull()
    expect(sniffType(htmlFile())).toBeNull()
    expect(sniffType(Buffer.from('just some text'))).toBeNull()
    expect(sniffType(Buffer.from([0xFF, 0xD8]))).toBeNull()
    expect(sniffType(Buffer.from([0xFF, 0xD8, 0xFF, 0xFF, 0x00]))).toBeNull()
    expect(sniffType(pngFile().subarray(0, 8))).toBeNull() // signature without its IHDR chunk
    expect(sniffType(Buffer.from('%PDF-x'))).toBeNull()
    expect(sniffType(Buffer.concat([Buffer.from(' '), pdfFile()]))).toBeNull() // not at the start
    expect(sniffType(new Uint8Array())).toBeNull()
  })
})

describe('checkUpload: kind, size, type, limits per application', () => {
  it('accepts each type with a known kind', () => {
    expect(checkUpload({ bytes: jpegFile(), kind: 'identity' }, none)).toMatchObject({ mimeType: 'image/jpeg', kind: 'identity' })
    expect(checkUpload({ bytes: pngFile(), kind: 'hardship' }, none)).toMatchObject({ mimeType: 'image/png', kind: 'hardship' })
    expect(checkUpload({ bytes: pdfFile(), kind: 'case' }, none)).toMatchObject({ mimeType: 'application/pdf', kind: 'case' })
  })

  it('refuses a renamed executable or HTML page posing as a photo (415), whatever its name', () => {
    expect(codeOf(() => checkUpload({ bytes: exeFile(), kind: 'identity' }, none))).toBe('DOCUMENT_TYPE_REFUSED')
    expect(codeOf(() => checkUpload({ bytes: htmlFile(), kind: 'identity' }, none))).toBe('DOCUMENT_TYPE_REFUSED')
    expect(new DomainError('DOCUMENT_TYPE_REFUSED').status).toBe(415)
  })

  it('refuses an empty file, an unknown kind, and a file over 5 MB (413)', () => {
    expect(codeOf(() => checkUpload({ bytes: new Uint8Array(), kind: 'identity' }, none))).toBe('DOCUMENT_EMPTY')
    expect(codeOf(() => checkUpload({ bytes: jpegFile(), kind: 'passport\u0000' }, none))).toBe('DOCUMENT_KIND_INVALID')
    expect(codeOf(() => checkUpload({ bytes: jpegFile(), kind: undefined }, none))).toBe('DOCUMENT_KIND_INVALID')
    expect(codeOf(() => checkUpload({ bytes: jpegFile(MAX_FILE_BYTES), kind: 'case' }, none))).toBeUndefined()
    expect(codeOf(() => checkUpload({ bytes: jpegFile(MAX_FILE_BYTES + 1), kind: 'case' }, none))).toBe('DOCUMENT_TOO_LARGE')
    expect(new DomainError('DOCUMENT_TOO_LARGE').status).toBe(413)
  })

  it('refuses the eleventh file and a file that takes the application over 20 MB', () => {
    expect(codeOf(() => checkUpload({ bytes: pngFile(), kind: 'case' }, { count: MAX_DOCUMENTS - 1, totalBytes: 0 }))).toBeUndefined()
    expect(codeOf(() => checkUpload({ bytes: pngFile(), kind: 'case' }, { count: MAX_DOCUMENTS, totalBytes: 0 }))).toBe('DOCUMENTS_TOO_MANY')
    const big = jpegFile(4096)
    expect(codeOf(() => checkUpload({ bytes: big, kind: 'case' }, { count: 1, totalBytes: MAX_TOTAL_BYTES - 4096 }))).toBeUndefined()
    expect(codeOf(() => checkUpload({ bytes: big, kind: 'case' }, { count: 1, totalBytes: MAX_TOTAL_BYTES - 4095 }))).toBe('DOCUMENTS_TOTAL_TOO_LARGE')
  })

  it('refuses a body over the upload limit before reading it', () => {
    expect(uploadBodyTooLarge(String(MAX_UPLOAD_BODY_BYTES))).toBe(false)
    expect(uploadBodyTooLarge(String(MAX_UPLOAD_BODY_BYTES + 1))).toBe(true)
    expect(uploadBodyTooLarge('12abc')).toBe(true)
    expect(uploadBodyTooLarge(undefined)).toBe(false)
  })
})

describe('file names', () => {
  const jpg = { mimeType: 'image/jpeg', extension: 'jpg' } as const
  it('keeps the last path segment without control, NUL or bidi characters, with the real extension', () => {
    expect(cleanFileName('C:\\Users\\马\\身份证正面.JPG', jpg)).toBe('身份证正面.jpg')
    expect(cleanFileName('../../etc/passwd', jpg)).toBe('passwd.jpg')
    expect(cleanFileName('证明\u202Egpj.exe', jpg)).toBe('证明gpj.jpg')
    expect(cleanFileName('a\u0000b\r\n.png', jpg)).toBe('ab.jpg')
    expect(cleanFileName('<img src=x onerror=alert(1)>.html', jpg)).toBe('img src=x onerror=alert(1).jpg') // and shown as text only
    expect(cleanFileName('', jpg)).toBe('材料.jpg')
    expect(cleanFileName(undefined, jpg)).toBe('材料.jpg')
    expect(cleanFileName('x'.repeat(500), jpg)).toHaveLength(64)
  })

  it('downloads under the reference and number, never the client name', () => {
    expect(downloadName('FY-2026-000123', 2, { extension: 'pdf' })).toBe('FY-2026-000123-2.pdf')
    expect(downloadName('FY"\r\n;2026', 1, { extension: 'jpg' })).toBe('FY2026-1.jpg')
  })
})
