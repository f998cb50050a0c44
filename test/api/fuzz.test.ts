// Property-based fuzzing of EVERY API route: the route files under server/api are enumerated at run
// time (so routes added later are covered without touching this file), each is called with
// hostile path parameters, query strings, bodies and content types — NUL bytes, lone surrogates,
// impossible dates, deep and wide JSON, huge values, wrong types — by an anonymous client and, for
// staff routes, by every demo role the route admits. Every answer must be below 500, and every
// 4xx must carry a Chinese message; every answer that is not public content is no-store.
// The same for every FORM route under server/routes (the plain HTML POSTs that work without
// JavaScript): urlencoded bodies over the fields the route reads, with the same poison, by the same
// callers; never 5xx, a 4xx says why in Chinese, a redirect stays on this site. Seeded and
// bounded: FUZZ_RUNS (default 12) runs per route, FUZZ_SEED to replay.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { needsNoStore } from '../../server/domain/http/request-guards'
import { DEMO_STAFF } from '../../server/seed/staff'
import { servers } from './helpers/client'

const RUNS = Number(process.env.FUZZ_RUNS ?? 12)
const SEED = Number(process.env.FUZZ_SEED ?? 20261201)
const API_DIR = 'server/api'
const FORM_DIR = 'server/routes'
const SCHEMA_DIR = 'shared/schemas'

interface Route { file: string, method: string, segments: Array<{ param?: string, rest?: boolean, text?: string }> }

/** server/api/staff/cases/[id]/publish.post.ts → POST /api/staff/cases/:id/publish (segments below `root`) */
function listRoutes(dir = API_DIR, root = dir): Route[] {
  const out: Route[] = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) {
      out.push(...listRoutes(full, root))
      continue
    }
    const m = /^(.*?)(?:\.(get|post|put|patch|delete))?\.ts$/.exec(name)
    if (!m) continue
    const parts = [...relative(root, dir).split('/').filter(Boolean), m[1]!].filter(p => p !== 'index')
    out.push({
      file: full,
      method: (m[2] ?? 'get').toUpperCase(),
      segments: parts.map((p) => {
        const rest = /^\[\.\.\.(\w+)\]$/.exec(p)
        if (rest) return { param: rest[1], rest: true }
        const param = /^\[(\w+)\]$/.exec(p)
        return param ? { param: param[1] } : { text: p }
      }),
    })
  }
  return out
}

/** Field names the schemas know, so fuzzed objects hit real fields as well as unknown ones. */
let known: string[] | undefined
function knownKeys(): string[] {
  if (known) return known
  const keys = new Set<string>()
  for (const f of readdirSync(SCHEMA_DIR)) {
    if (!f.endsWith('.ts')) continue
    for (const m of readFileSync(join(SCHEMA_DIR, f), 'utf8').matchAll(/^\s+(\w+):/gm)) keys.add(m[1]!)
  }
  known = [...keys].sort()
  return known
}

/** Top-level keys of an object literal starting at `text[start]` ('{'), by a small bracket scanner. */
function objectKeys(text: string, start: number): string[] {
  const keys: string[] = []
  let depth = 0
  let quote = ''
  for (let i = start; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = ''
      continue
    }
    if (c === '\'' || c === '"' || c === '`') quote = c
    else if (c === '{' || c === '(' || c === '[') {
      depth++
      if (depth === 1 || c !== '{') continue
    } else if (c === '}' || c === ')' || c === ']') {
      if (--depth === 0) break
    } else if (depth === 1 && /[A-Za-z_$]/.test(c) && /[{,\s]/.test(text[i - 1] ?? '')) {
      const m = /^(\w+)\s*:/.exec(text.slice(i, i + 60))
      if (m && /[{,]\s*$/.test(text.slice(Math.max(start, i - 200), i))) keys.push(m[1]!)
      if (m) i += m[1]!.length - 1
    }
  }
  return keys
}

/** Field names of the shared schemas a route file imports (its query/body/params shapes). */
function routeSchemaKeys(file: string): string[] {
  const src = readFileSync(file, 'utf8')
  const keys = new Set<string>()
  for (const m of src.matchAll(/import\s*(?:type\s*)?\{([^}]+)\}\s*from\s*'([^']*shared\/schemas\/[^']+)'/g)) {
    // Relative imports, and the aliases Nuxt and vitest share (`#shared/…` is shared/, `~~/…` the repository root).
    const spec = m[2]!.startsWith('#shared/') ? `shared/${m[2]!.slice(8)}` : m[2]!.startsWith('~~/') ? m[2]!.slice(3) : null
    const schemaFile = spec ? resolve(`${spec}.ts`) : resolve(dirname(file), `${m[2]}.ts`)
    let schemaSrc: string
    try { schemaSrc = readFileSync(schemaFile, 'utf8') } catch { continue }
    // Comments blanked out (same length, so positions stay): keys preceded by a comment count too.
    schemaSrc = schemaSrc.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, c => c.replace(/[^\n]/g, ' '))
    for (const name of m[1]!.split(',').map(n => n.trim().replace(/^type\s+/, '')).filter(Boolean)) {
      const at = new RegExp(`export const ${name}\\b[^=]*=`).exec(schemaSrc)
      if (!at) continue
      const brace = schemaSrc.indexOf('{', at.index)
      if (brace > 0) for (const k of objectKeys(schemaSrc, brace)) keys.add(k)
    }
  }
  return [...keys]
}

/** Form fields a form route reads: its schemas' keys and the names it reads itself (`field(f, 'x')`, `f.x`). */
function formFieldKeys(file: string): string[] {
  const src = readFileSync(file, 'utf8')
  const keys = new Set(routeSchemaKeys(file))
  for (const m of src.matchAll(/\bfield\(\w+, '(\w+)'\)|\bpick\(f, ((?:'[\w-]+'(?:, )?)+)\)|\bf\.(\w+)\b/g)) {
    if (m[1]) keys.add(m[1])
    if (m[2]) for (const k of m[2].matchAll(/'([\w-]+)'/g)) keys.add(k[1]!)
    if (m[3]) keys.add(m[3])
  }
  return [...keys].sort()
}

/** Percent-encodes every UTF-16 unit, lone surrogates as the (invalid) 3-byte form: no URIError. */
function encodeLoose(s: string): string {
  let out = ''
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (/^[A-Za-z0-9_~-]$/.test(ch)) out += ch
    else if (c >= 0xD800 && c <= 0xDFFF) out += [0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)].map(b => `%${b.toString(16).toUpperCase()}`).join('')
    else out += encodeURIComponent(ch)
  }
  return out
}

/** Plausible values (pass many field rules) and plain hostile ones. */
const SEEDS = [
  '张三', '欧阳·娜娜', '13800138000', '0951-12345678', '110101199003074578', '2026-12-01', '2026-12-01T09:00:00+08:00',
  'YY-2026-7KQ2M9', 'FY-2026-000001', '00000000-0000-4000-8000-000000000000', 'labor', 'walk_in', 'online', 'admin',
  '老板拖欠工资怎么办', 'Ce-Shi-Mi-Ma-42', 'dead', 'done', 'approved', '1', '20',
  '0000-01-01', '2026-02-30', '9999-12-31', '2026-13-01', '-0001-01-01', '', ' ', 'null', '-1', '1e400', 'NaN',
  '9007199254740993', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '%', '\u202E', '\uFEFF',
  '\r\n', '__proto__', 'constructor', '[]', '{}', '长'.repeat(600), 'a'.repeat(2500),
]
/** What is injected into a plausible value: nothing, NUL, lone surrogates, a reversed pair. */
const POISON = ['', '\u0000', '\uD800', '\uDFFF', '\uDC00\uD800', '\u0000\uD83D']

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...SEEDS), fc.constantFrom(...POISON), fc.nat()).map(([v, p, at]) => { const i = at % (v.length + 1); return v.slice(0, i) + p + v.slice(i) }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
)

function deep(n: number, leaf: unknown = 1): unknown {
  let v = leaf
  for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v]
  return v
}

const { value } = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys()), hostileString), tie('value'), { maxKeys: 4 }) },
  ),
}))

/** An object over the route's own field names (most present), plus now and then a stray key. */
function objectOver(keys: string[]) {
  const extra = fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys()), hostileString), value, { maxKeys: 2 })
  if (!keys.length) return extra
  const fieldValue = fc.oneof({ weight: 8, arbitrary: hostileString }, { weight: 1, arbitrary: value })
  const fields = Object.fromEntries(keys.map(k => [k, fieldValue]))
  return fc.tuple(
    fc.oneof({ weight: 4, arbitrary: fc.record(fields) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) }),
    fc.option(extra, { freq: 4 }),
  ).map(([o, x]) => ({ ...o, ...(x ?? {}) }))
}

describe.each(servers())('fuzz every API route on $name', (server) => {
  const base = server.url
  const routes = listRoutes()
  const clients = new Map<string, string>() // username -> cookie header

  // Very deep JSON goes as text (fast-check's own reporting would recurse through a deep value).
  const rawBody = fc.constantFrom('{', '[1,', '{"a":1}}', 'null', '"\\u0000"', '{"x":"\\ud800"}', '\u0000', '', '[{"a":'.repeat(2500) + '1' + '}]'.repeat(2500), '['.repeat(60_000), JSON.stringify({ a: deep(30) }), JSON.stringify(Array.from({ length: 6000 }, (_, i) => i)))
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml') },
  )
  const param = fc.oneof(
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.integer().map(String) },
  ).filter(s => s.length > 0 && s.length < 1000 && !/^\.+$/.test(s))
  const queryValue = fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })).filter(v => JSON.stringify(v).length < 1500)

  function url(r: Route, params: string[], q: Record<string, string | string[]>, prefix = '/api/'): string {
    let i = 0
    const path = prefix + r.segments.map(s => s.text ?? encodeLoose(params[i++] ?? 'x')).join('/')
    const qs = Object.entries(q).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map(x => `${encodeLoose(k)}=${encodeLoose(x)}`)).join('&')
    return base + path + (qs ? `?${qs}` : '')
  }

  let addr = 0
  async function send(r: Route, who: string | null, u: string, payload: { json?: unknown, raw?: string, type: string, accept?: string } | null) {
    addr++
    const headers: Record<string, string> = {
      'accept': 'application/json',
      // A distinct (trusted-proxy) address per request: the fuzz must not trip the per-address throttles other tests rely on.
      'x-forwarded-for': `10.${(addr >> 16) & 255}.${(addr >> 8) & 255}.${addr & 255}`,
    }
    if (who) headers.cookie = clients.get(who)!
    let bodyText: string | undefined
    if (r.method !== 'GET' && r.method !== 'HEAD') {
      headers.origin = base
      if (payload) {
        bodyText = payload.raw ?? JSON.stringify(payload.json)
        headers['content-type'] = payload.type
      }
    }
    if (payload?.accept) headers.accept = payload.accept
    const res = await fetch(u, { method: r.method, headers, body: bodyText, redirect: 'manual' })
    const text = await res.text()
    let parsed: any = text
    try { parsed = JSON.parse(text) } catch { /* not JSON */ }
    return { status: res.status, body: parsed, text, cacheControl: res.headers.get('cache-control') ?? '', location: res.headers.get('location') }
  }

  /** Plain errors with short messages: a failing run names the route, the status and what was sent. */
  function assertAnswer(r: Route, res: { status: number, body: any, text: string }, sent: string) {
    const show = () => `${r.method} ${r.file} → ${res.status} for ${JSON.stringify(sent.slice(0, 400))}: ${JSON.stringify(res.text.slice(0, 300))}`
    if (res.status >= 500) throw new Error(`5xx: ${show()}`)
    if (res.status >= 400) {
      const msg = typeof res.body === 'object' && res.body ? (res.body.data?.message ?? res.body.message) : undefined
      if (typeof msg !== 'string' || !/[\u4E00-\u9FFF]/.test(msg)) throw new Error(`no Chinese message: ${show()}`)
    }
  }

  /**
   * Directed cases run before the random ones: every field in turn carries NUL, a lone surrogate,
   * or an impossible date while the others hold plausible text.
   */
  function directed(keys: string[], callers: Array<string | null>, params: number, isGet: boolean) {
    type Ex = [string | null, string[], Record<string, unknown>, { json: unknown, type: string } | null]
    const out: Ex[] = []
    const who = callers[callers.length - 1] ?? null
    const ok = Array(params).fill('00000000-0000-4000-8000-000000000000')
    for (const bad of ['a\u0000b', '\uD800x', '0000-01-01']) {
      for (let p = 0; p < params; p++) out.push([who, ok.map((v, i) => (i === p ? bad : v)), {}, null])
      for (const k of keys) {
        const o = Object.fromEntries(keys.map(x => [x, x === k ? bad : '张三']))
        out.push(isGet ? [who, ok, o, null] : [who, ok, {}, { json: o, type: 'application/json' }])
      }
    }
    return out
  }

  /** Field names the route itself reports as missing or wrong (top-level paths of its 400 issues). */
  function issueKeys(res: { status: number, body: any }): string[] {
    const issues = res.status === 400 ? res.body?.data?.issues : undefined
    return Array.isArray(issues) ? issues.map((i: { path?: string }) => String(i.path ?? '').split('.')[0]!).filter(Boolean) : []
  }

  beforeAll(async () => {
    for (const s of DEMO_STAFF) {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'origin': base, 'x-forwarded-for': '10.255.0.1' },
        body: JSON.stringify({ username: s.username, password: inject('demoPassword') }),
      })
      expect(r.status, `login ${s.username}`).toBe(200)
      clients.set(s.username, r.headers.getSetCookie().map(c => c.split(';')[0]).join('; '))
    }
  })

  it('finds the route files and their fields', () => {
    expect(routes.length).toBeGreaterThan(40)
    expect(routes.some(r => r.file.endsWith('auth/login.post.ts'))).toBe(true)
    expect(routeSchemaKeys('server/api/auth/login.post.ts').sort()).toEqual(['password', 'username'])
    expect(routeSchemaKeys('server/api/staff/appointments/index.get.ts')).toContain('date')
  })

  for (const r of routes) {
    const label = `${r.method} /api/${r.segments.map(s => s.text ?? `[${s.param}]`).join('/')}`
    const staff = r.segments[0]?.text === 'staff'
    const params = r.segments.filter(s => s.param).length
    const isGet = r.method === 'GET'
    it(`${label}: never 5xx, 4xx in Chinese`, async () => {
      const fields = new Set(routeSchemaKeys(r.file))
      const okParams = Array(params).fill('00000000-0000-4000-8000-000000000000')
      // Who may call it: anonymous always; for staff routes every demo role that is not refused outright.
      const callers: Array<string | null> = [null]
      for (const who of staff ? DEMO_STAFF.map(s => s.username) : [null]) {
        const probe = await send(r, who, url(r, okParams, {}), isGet ? null : { json: {}, type: 'application/json' })
        assertAnswer(r, probe, 'probe')
        // Cache-Control: no-store on every answer that is not public content (404s get Nitro's no-cache and carry nothing).
        if (needsNoStore(url(r, okParams, {}).slice(base.length), r.method) && probe.status !== 404) {
          expect(probe.cacheControl, `${r.method} ${r.file} ${probe.status} cache-control`).toMatch(/no-store/)
        }
        for (const k of issueKeys(probe)) fields.add(k)
        if (who && probe.status !== 403) callers.push(who)
      }
      if (staff && callers.length === 1) callers.push(...DEMO_STAFF.map(s => s.username))
      const keys = [...fields]
      const payload: fc.Arbitrary<{ json?: unknown, raw?: string, type: string } | null> = fc.oneof(
        { weight: 10, arbitrary: fc.record({ json: objectOver(keys), type: contentType }) },
        { weight: 1, arbitrary: fc.record({ json: value, type: contentType }) },
        { weight: 1, arbitrary: fc.record({ raw: rawBody, type: contentType }) },
        { weight: 1, arbitrary: fc.constant(null) },
      )
      const query: fc.Arbitrary<Record<string, unknown>> = isGet ? objectOver(keys) : fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys()), hostileString), queryValue, { maxKeys: 2 })
      const failure = await fc.check(
        fc.asyncProperty(
          fc.constantFrom(...callers), fc.array(param, { minLength: params, maxLength: params }), query, payload,
          async (who, ps, q, p) => {
            const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')
            const flatQuery = Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? v.map(text) : text(v)]))
            const u = url(r, ps, flatQuery)
            if (u.length > 6000) return // Node refuses over-long request lines itself (431), before the app
            const res = await send(r, who, u, isGet ? null : p)
            assertAnswer(r, res, `${who ?? 'anonymous'} ${u.slice(base.length, base.length + 300)} ${p && !isGet ? (p.raw ?? JSON.stringify(p.json)).slice(0, 300) : ''}`)
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true, examples: directed(keys, callers, params, isGet) },
      )
      // fast-check's own report prints the whole counterexample (bodies can be long): keep it short.
      expect(failure.failed ? String((failure.errorInstance as Error | null)?.message ?? `failed after ${failure.numRuns} runs`).slice(0, 1200) : null).toBeNull()
    }, 120_000)
  }

  // ---- the form routes (server/routes/**): plain HTML POSTs, urlencoded ----

  const formRoutes = listRoutes(FORM_DIR)
  /** `key=value&…` with every unit percent-encoded loosely (lone surrogates as invalid UTF-8). */
  const urlencoded = (o: Record<string, string | string[]>) => Object.entries(o).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map(x => `${encodeLoose(k)}=${encodeLoose(x)}`)).join('&')
  const formType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/x-www-form-urlencoded') },
    { weight: 1, arbitrary: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=latin1') },
  )
  // The browser without JavaScript asks for HTML; the page's own fetch asks for JSON ({ location }).
  const formAccept = fc.constantFrom('text/html,application/xhtml+xml', 'application/json')
  const formRaw = fc.constantFrom('', '%', '%ZZ=1', 'a=%00', 'a=%ED%A0%80', '&&&==', 'x='.repeat(3000), `a=${'长'.repeat(20_000)}`, '\u0000', 'a[b][c]=1&a[b]=2')

  function assertFormAnswer(r: Route, res: { status: number, body: any, text: string, location: string | null }, sent: string) {
    const show = () => `${r.method} ${r.file} → ${res.status} for ${JSON.stringify(sent.slice(0, 400))}: ${JSON.stringify(res.text.slice(0, 300))}`
    if (res.status >= 500) throw new Error(`5xx: ${show()}`)
    if (res.status >= 400) {
      const msg = typeof res.body === 'object' && res.body ? (res.body.data?.message ?? res.body.message) : res.text
      if (typeof msg !== 'string' || !/[\u4E00-\u9FFF]/.test(msg)) throw new Error(`no Chinese message: ${show()}`)
    }
    if (res.status >= 300 && res.status < 400 && !/^\/(?![/\\])/.test(res.location ?? '')) throw new Error(`redirect off this site (${res.location}): ${show()}`)
  }

  it('finds the form routes and their fields', () => {
    expect(formRoutes.length).toBeGreaterThan(15)
    expect(formRoutes.some(r => r.file.endsWith('forms/appointments/lookup.post.ts'))).toBe(true)
    expect(formFieldKeys('server/routes/forms/appointments/waitlist.post.ts')).toEqual(expect.arrayContaining(['channel', 'day', 'phone']))
    expect(formFieldKeys('server/routes/staff/review/[id]/[action].post.ts')).toEqual(expect.arrayContaining(['reasons', 'lawyer', 'version', 'confirmReference']))
  })

  for (const r of formRoutes) {
    const label = `${r.method} /${r.segments.map(s => s.text ?? `[${s.param}]`).join('/')}`
    const staff = r.segments[0]?.text === 'staff' || r.segments[1]?.text === 'staff' || r.segments[1]?.text === 'hotline'
    const params = r.segments.filter(s => s.param).length
    it(`form ${label}: never 5xx, 4xx in Chinese, redirects stay on the site`, async () => {
      const keys = formFieldKeys(r.file)
      // A route segment that names an action ([action], [decision]) gets the real names now and then.
      const okParams = r.segments.filter(s => s.param).map(s => (s.param === 'action' || s.param === 'decision' ? 'decision' : '00000000-0000-4000-8000-000000000000'))
      // Signing out is not fuzzed with the demo sessions (the routes after it would only meet the login page).
      const callers: Array<string | null> = [null, ...(staff && !r.file.endsWith('logout.post.ts') ? DEMO_STAFF.map(s => s.username) : [])]
      const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')
      const fields = objectOver(keys).map(o => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v.map(asText) : asText(v)])) as Record<string, string | string[]>)
      const payload = fc.oneof(
        { weight: 10, arbitrary: fc.record({ raw: fields.map(urlencoded), type: formType, accept: formAccept }) },
        { weight: 1, arbitrary: fc.record({ raw: formRaw, type: formType, accept: formAccept }) },
      )
      const paramArb = fc.oneof({ weight: 3, arbitrary: param }, { weight: 1, arbitrary: fc.constantFrom(...okParams.length ? okParams : ['x']) })
      // Directed first: each field in turn (and each path parameter) NUL, a lone surrogate, an impossible date.
      const examples: Array<[string | null, string[], { raw: string, type: string, accept: string }]> = []
      const who = callers[callers.length - 1] ?? null
      for (const bad of ['a\u0000b', '\uD800x', '0000-01-01', '2026-02-30']) {
        for (let p = 0; p < params; p++) examples.push([who, okParams.map((v, i) => (i === p ? bad : v)), { raw: '', type: 'application/x-www-form-urlencoded', accept: 'text/html' }])
        for (const k of keys) {
          const o = Object.fromEntries(keys.map(x => [x, x === k ? bad : (x === 'day' || x === 'date' ? '2026-12-01' : '张三')]))
          examples.push([who, okParams, { raw: urlencoded(o), type: 'application/x-www-form-urlencoded', accept: 'text/html' }])
        }
      }
      const failure = await fc.check(
        fc.asyncProperty(fc.constantFrom(...callers), fc.array(paramArb, { minLength: params, maxLength: params }), payload, async (caller, ps, p) => {
          const u = url(r, ps, {}, '/')
          if (u.length > 6000) return
          const res = await send(r, caller, u, p)
          assertFormAnswer(r, res, `${caller ?? 'anonymous'} ${u.slice(base.length, base.length + 300)} ${p.raw.slice(0, 300)}`)
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true, examples },
      )
      expect(failure.failed ? String((failure.errorInstance as Error | null)?.message ?? `failed after ${failure.numRuns} runs`).slice(0, 1200) : null).toBeNull()
    }, 120_000)
  }
})
