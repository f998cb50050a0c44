// Issue 8: every public and staff form works as a plain HTML form before and without JavaScript.
// A static guard over every <form> in app/: it names its method (post or get) and where it goes; a
// POST goes to a form route that exists under server/routes (a page's JSON route is no answer for
// a browser without JavaScript); a form with a file input is multipart. A form enhanced by
// JavaScript only (`@submit.prevent` with nowhere to post) fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : []
  })
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** server/routes/staff/cases/[id]/[action].post.ts → path '/staff/cases/[id]/[action]' and a matcher for real paths */
const routes = files('server/routes', '.post.ts').map((f) => {
  const path = `/${relative('server/routes', f).replace(/\.post\.ts$/, '').replace(/(^|\/)index$/, '')}`
  return { path, re: new RegExp(`^${path.split('/').map(s => (/^\[.+\]$/.test(s) ? '[^/]+' : escape(s))).join('/')}$`) }
})

interface FormTag { file: string, line: number, tag: string, body: string }
/** Each <form …> opening tag (attributes may span lines) and what it holds up to its </form>. */
function forms(): FormTag[] {
  const out: FormTag[] = []
  for (const file of files('app', '.vue')) {
    const src = readFileSync(file, 'utf8')
    const template = src.slice(src.indexOf('<template>'))
    const offset = src.length - template.length
    for (const m of template.matchAll(/<form\b[^>]*>/g)) {
      const end = template.indexOf('</form>', m.index)
      out.push({ file, line: src.slice(0, offset + m.index).split('\n').length, tag: m[0].replace(/\s+/g, ' '), body: template.slice(m.index, end < 0 ? undefined : end) })
    }
  }
  return out
}

const attr = (tag: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag)?.[1]

/**
 * Does a route take this action? A static path is matched against the routes; so is a template
 * literal with each `${…}` as one segment, or else (`/forms${base}/confirm`) as a pattern whose
 * `${…}` stand for any segments, matched against the routes' own paths. `null`: bound to a
 * variable (the page's own tests cover it).
 */
function routeFor(tag: string): boolean | null {
  const plain = attr(tag, 'action')
  if (plain !== undefined) {
    const p = plain.split(/[?#]/)[0]!
    return !p.startsWith('/api/') && routes.some(r => r.re.test(p))
  }
  const lit = /^`([^`]*)`$/.exec((attr(tag, ':action') ?? '').trim())
  if (!lit) return null
  const p = lit[1]!.split(/[?#]/)[0]!
  if (p.startsWith('/api/')) return false
  // each `${…}` one segment, against the routes; or (`/forms${base}/…`) any segments, against their paths
  const sample = p.replace(/\$\{[^}]*\}/g, 'x')
  const re = new RegExp(`^${p.split(/\$\{[^}]*\}/).map(escape).join('[^?#]+')}$`)
  return routes.some(r => r.re.test(sample) || re.test(r.path))
}

describe('every form works as a plain HTML form (no JavaScript)', () => {
  const all = forms()

  it('finds the forms of the public pages and the console', () => {
    expect(all.length).toBeGreaterThan(60)
    expect(all.some(f => f.file.endsWith('staff/login.vue'))).toBe(true)
  })

  it('names its method and its action', () => {
    const bad = all.filter(f => !/^(post|get)$/.test(attr(f.tag, 'method') ?? '') || (attr(f.tag, 'action') ?? attr(f.tag, ':action')) === undefined)
    expect(bad.map(f => `${f.file}:${f.line} ${f.tag}`)).toEqual([])
  })

  it('posts to a form route that exists (server/routes), never to the JSON API', () => {
    const posts = all.filter(f => attr(f.tag, 'method') === 'post')
    const bad = posts.filter(f => routeFor(f.tag) === false).map(f => `${f.file}:${f.line} ${f.tag}`)
    // most are checked (only a few are bound to a variable)
    expect(posts.filter(f => routeFor(f.tag) === null).length).toBeLessThan(posts.length / 5)
    expect(bad).toEqual([])
  })

  it('sends a file input as multipart/form-data', () => {
    const bad = all.filter(f => /type="file"/.test(f.body) && !(attr(f.tag, 'method') === 'post' && attr(f.tag, 'enctype') === 'multipart/form-data'))
    expect(bad.map(f => `${f.file}:${f.line} ${f.tag}`)).toEqual([])
    expect(all.filter(f => /type="file"/.test(f.body)).length).toBeGreaterThanOrEqual(2)
  })
})
