import { describe, expect, it } from 'vitest'
import { bodyLimitFor, isStaffRoute, contentLengthTooLarge, contentSecurityPolicy, inlineScripts, isAcceptableContentType, isSameOriginWrite, normalizedPath, parseAllowedOrigins, securityHeaders } from '~~/server/domain/http/request-guards'

const self = 'https://portal.example.cn'

describe('same-origin writes', () => {
  it('accepts the own origin and configured ones, refuses others and "null"', () => {
    const allowed = parseAllowedOrigins('https://admin.example.cn, not a url')
    expect(allowed).toEqual(['https://admin.example.cn'])
    expect(isSameOriginWrite({ self, allowed, origin: self })).toBe(true)
    expect(isSameOriginWrite({ self, allowed, origin: 'https://admin.example.cn' })).toBe(true)
    expect(isSameOriginWrite({ self, allowed, origin: 'https://evil.example' })).toBe(false)
    expect(isSameOriginWrite({ self, allowed, origin: 'null' })).toBe(false)
    expect(isSameOriginWrite({ self, allowed, origin: 'https://portal.example.cn.evil.example' })).toBe(false)
  })

  it('without Origin falls back to Sec-Fetch-Site, then Referer, else refuses', () => {
    expect(isSameOriginWrite({ self, allowed: [], secFetchSite: 'same-origin' })).toBe(true)
    expect(isSameOriginWrite({ self, allowed: [], secFetchSite: 'cross-site', referer: `${self}/x` })).toBe(false)
    expect(isSameOriginWrite({ self, allowed: [], referer: `${self}/staff/login` })).toBe(true)
    expect(isSameOriginWrite({ self, allowed: [], referer: 'https://evil.example/' })).toBe(false)
    expect(isSameOriginWrite({ self, allowed: [] })).toBe(false)
  })
})

describe('bodies', () => {
  it('accepts JSON, refuses other types when there is a body', () => {
    expect(isAcceptableContentType('application/json; charset=utf-8', true, '/api/x')).toBe(true)
    expect(isAcceptableContentType('text/plain', true, '/api/x')).toBe(false)
    expect(isAcceptableContentType('application/x-www-form-urlencoded', true, '/api/x')).toBe(false)
    expect(isAcceptableContentType(null, true, '/api/x')).toBe(false)
    expect(isAcceptableContentType(null, false, '/api/x')).toBe(true)
  })

  it('refuses Content-Length above 64 KiB or unparsable', () => {
    expect(contentLengthTooLarge('65536')).toBe(false)
    expect(contentLengthTooLarge('65537')).toBe(true)
    expect(contentLengthTooLarge('12, 99999')).toBe(true)
    expect(contentLengthTooLarge(null)).toBe(false)
  })

  it('lets only the upload form past 64 KiB (the route refuses a too-large file with its own message)', () => {
    expect(bodyLimitFor('/forms/legal-aid/documents')).toBe(64 * 1024 * 1024)
    expect(bodyLimitFor('/forms/legal-aid/status')).toBe(64 * 1024)
    expect(bodyLimitFor('/api/legal-aid/documents')).toBe(64 * 1024)
    expect(bodyLimitFor('/forms/legal-aid/documents/x')).toBe(64 * 1024)
    // the statute import form (multipart, no JavaScript) reads its own cap from Content-Length
    expect(bodyLimitFor('/staff/statutes/import')).toBe(64 * 1024 * 1024)
    expect(bodyLimitFor('/staff/statutes')).toBe(64 * 1024)
  })

  it('lets the statute import JSON route carry a whole file under the import cap, and no more', () => {
    // 5 MB of UTF-8, JSON-escaped (at most twice as long), plus the other fields
    expect(bodyLimitFor('/api/staff/statutes/import')).toBe(2 * 5_000_000 + 64 * 1024)
    expect(bodyLimitFor('/api/staff/statutes/laws/l0000000000/status')).toBe(64 * 1024)
    expect(bodyLimitFor('/api/staff/statutes/import/x')).toBe(64 * 1024)
  })

  it('knows the staff routes whose refusals are audited: the console API and the console form posts', () => {
    expect(isStaffRoute('/api/staff/admin/users', 'GET')).toBe(true)
    expect(isStaffRoute('/API//Staff/admin?x=1', 'POST')).toBe(true)
    expect(isStaffRoute('/staff/statutes/import', 'POST')).toBe(true)
    expect(isStaffRoute('/forms/staff/appointments/book', 'POST')).toBe(true)
    expect(isStaffRoute('/forms/hotline/calls', 'POST')).toBe(true)
    // pages, sign-in/out and the public forms are not
    expect(isStaffRoute('/staff/statutes', 'GET')).toBe(false)
    expect(isStaffRoute('/staff/login', 'POST')).toBe(false)
    expect(isStaffRoute('/staff/logout', 'POST')).toBe(false)
    expect(isStaffRoute('/forms/appointments/book', 'POST')).toBe(false)
    expect(isStaffRoute('/staffing', 'POST')).toBe(false)
    expect(isStaffRoute('/api/staffing', 'GET')).toBe(false)
  })

  it('normalises paths for prefix checks', () => {
    expect(normalizedPath('/API//Staff/admin?x=1')).toBe('/api/staff/admin')
    expect(normalizedPath('/api/%73taff/x')).toBe('/api/staff/x')
  })
})

describe('headers', () => {
  it('sends a strict CSP and HSTS only in production', () => {
    const csp = contentSecurityPolicy()
    for (const d of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "img-src 'self' data:"]) expect(csp).toContain(d)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(securityHeaders({ production: true })['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(securityHeaders({ production: false })['strict-transport-security']).toBeUndefined()
    expect(securityHeaders({ production: false })['x-frame-options']).toBe('DENY')
  })

  it('finds every inline script block (import maps included), not external ones', () => {
    const html = '<script type="importmap">{"imports":{}}</script><script>window.__NUXT__={}</script><script type="application/json" id="__NUXT_DATA__">[1]</script><script src="/a.js"></script><script type="module">import "/b.js"</script>'
    expect(inlineScripts(html)).toEqual(['{"imports":{}}', 'window.__NUXT__={}', '[1]', 'import "/b.js"'])
    expect(contentSecurityPolicy(['sha256-abc'])).toContain("script-src 'self' 'sha256-abc'")
  })
})

describe('hostile input at the edge', () => {
  it('refuses NUL and lone surrogates in keys and strings, at any depth', async () => {
    const { inspectInput } = await import('~~/server/domain/http/request-guards')
    expect(inspectInput({ name: '张三', tags: ['a', { b: 1 }], ok: true, n: null })).toBeNull()
    expect(inspectInput({ name: 'a\u0000b' })).toBe('unsafe_text')
    expect(inspectInput({ ['k\u0000']: 1 })).toBe('unsafe_text')
    expect(inspectInput([[['\uD800']]])).toBe('unsafe_text')
    expect(inspectInput('x\uDC00')).toBe('unsafe_text')
    expect(inspectInput({ emoji: '😀 𠀀' })).toBeNull()
  })

  it('refuses deep and wide JSON without recursion', async () => {
    const { inspectInput, MAX_JSON_DEPTH } = await import('~~/server/domain/http/request-guards')
    let v: unknown = 1
    for (let i = 0; i < MAX_JSON_DEPTH; i++) v = [v]
    expect(inspectInput(v)).toBeNull()
    expect(inspectInput([v])).toBe('too_deep')
    let huge: unknown = 1
    for (let i = 0; i < 100_000; i++) huge = { a: huge }
    expect(inspectInput(huge)).toBe('too_deep')
    expect(inspectInput(Array.from({ length: 6000 }, (_, i) => i))).toBe('too_many_nodes')
  })

  it('refuses paths and queries that do not decode to text', async () => {
    const { decodedPathOrNull, queryIsSafe } = await import('~~/server/domain/http/request-guards')
    expect(decodedPathOrNull('/api/cases/%E5%8A%B3%E5%8A%A8?x=1')).toBe('/api/cases/劳动')
    expect(decodedPathOrNull('/api/cases/%00')).toBeNull()
    expect(decodedPathOrNull('/api/cases/%ED%A0%80')).toBeNull()
    expect(decodedPathOrNull('/api/cases/%E5%8A')).toBeNull()
    expect(queryIsSafe('/api/search?q=%E5%B7%A5%E8%B5%84&page=2')).toBe(true)
    expect(queryIsSafe('/api/search?q=a+b')).toBe(true)
    expect(queryIsSafe('/api/search?q=%00')).toBe(false)
    expect(queryIsSafe('/api/search?%00=1')).toBe(false)
    expect(queryIsSafe('/api/search?q=%ZZ')).toBe(false)
  })
})

describe('no-store by path', () => {
  it('covers the console, personal-data pages and every API answer except public content reads', async () => {
    const { needsNoStore } = await import('~~/server/domain/http/request-guards')
    for (const [p, m] of [['/staff', 'GET'], ['/staff/admin/users', 'GET'], ['/legal-aid/status', 'GET'], ['/appointments', 'GET'], ['/api/staff/admin/users', 'GET'], ['/api/auth/me', 'GET'], ['/api/appointments', 'POST'], ['/api/appointments/slots', 'GET'], ['/api/search', 'POST'], ['/forms/large-text', 'POST']]) {
      expect(needsNoStore(p!, m!), `${m} ${p}`).toBe(true)
    }
    for (const p of ['/', '/search', '/cases/x', '/api/search', '/api/cases/x', '/api/statutes/1', '/api/service-points', '/api/health', '/_nuxt/app.js']) {
      expect(needsNoStore(p, 'GET'), p).toBe(false)
    }
  })
})
