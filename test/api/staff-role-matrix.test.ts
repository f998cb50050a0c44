// The role matrix: every staff API route (found by walking server/api/staff, so routes added later
// are covered too) × anonymous and every staff role. Anonymous gets 401; a role the route does not
// list gets 403 FORBIDDEN; a role it lists gets past the guard (anything but 401/403).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_STAFF } from '../../server/seed/staff'
import { STAFF_ROLES, type StaffRole } from '../../shared/types/staff'
import { ApiClient, servers, signedIn } from './helpers/client'

const ROOT = join(process.cwd(), 'server/api')
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
const ID = '00000000-0000-4000-8000-000000000000'

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

interface StaffRoute { file: string, method: Method, path: string, roles: StaffRole[] }

/** The roles a route lets in, read from its guard: every array literal of role names in the file. */
export function declaredRoles(source: string): StaffRole[] | undefined {
  const names = STAFF_ROLES.join('|')
  const arrays = source.match(new RegExp(`\\[\\s*'(?:${names})'(?:\\s*,\\s*'(?:${names})')*\\s*,?\\s*\\]`, 'g'))
  if (arrays?.length) return [...new Set(arrays.flatMap(a => a.match(/'([a-z_]+)'/g)!.map(s => s.slice(1, -1) as StaffRole)))]
  if (/editorDeps\(event\)/.test(source)) return ['editor'] // its default
  return undefined
}

export function staffRoutes(): StaffRoute[] {
  return walk(join(ROOT, 'staff')).map((file) => {
    const rel = relative(ROOT, file).split(sep).join('/')
    const m = rel.match(/^(.*?)(?:\.(get|post|put|patch|delete))?\.ts$/)!
    const path = `/api/${m[1]!.replace(/(^|\/)index$/, '')}`.replace(/\[[^\]]+\]/g, ID)
    const roles = declaredRoles(readFileSync(file, 'utf8'))
    if (!roles) throw new Error(`${rel}: no role list found; guard it with requireStaff(event, [...roles])`)
    return { file: rel, method: (m[2] ?? 'get') as Method, path, roles }
  })
}

const accountOf = (role: StaffRole) => DEMO_STAFF.find(s => s.role === role)?.username

describe.each(servers())('staff role matrix on $name', (server) => {
  const routes = staffRoutes()

  it('finds the staff routes, including the hotline, export and admin ones', () => {
    expect(routes.length).toBeGreaterThan(30)
    const keys = routes.map(r => `${r.method} ${r.path}`)
    expect(keys).toEqual(expect.arrayContaining(['get /api/staff/hotline/calls.csv', 'post /api/staff/hotline/callers/lookup', `put /api/staff/hotline/calls/${ID}`, 'get /api/staff/admin/audit']))
    expect(routes.find(r => r.path === '/api/staff/hotline/calls.csv')!.roles.sort()).toEqual(['admin', 'supervisor'])
    // service-point details (issue 9): admins only, the list and the edit
    expect(routes.filter(r => r.path.startsWith('/api/staff/admin/service-points')).map(r => `${r.method} ${r.path} ${r.roles.join(',')}`).sort())
      .toEqual([`get /api/staff/admin/service-points admin`, `put /api/staff/admin/service-points/${ID} admin`])
  })

  it('anonymous visitors get 401 everywhere', async () => {
    const anon = new ApiClient(server.url)
    const results = await Promise.all(routes.map(async r => [r, (await anon.req(r.method.toUpperCase(), r.path, r.method === 'get' ? undefined : {})).status] as const))
    expect(results.filter(([, s]) => s !== 401).map(([r, s]) => `${r.method} ${r.path} → ${s}`)).toEqual([])
  })

  it.each(STAFF_ROLES.map(r => [r]))('%s: 403 outside its routes, past the guard inside them', async (role) => {
    const username = accountOf(role)
    expect(username, `a demo account for role ${role} (server/seed/staff.ts)`).toBeDefined()
    const client = await signedIn(server.url, username!)
    const wrong: string[] = []
    for (const r of routes) {
      const res = await client.req(r.method.toUpperCase(), r.path, r.method === 'get' ? undefined : {})
      const allowed = r.roles.includes(role)
      if (allowed ? [401, 403].includes(res.status) || res.status >= 500 : res.status !== 403 || res.body?.data?.code !== 'FORBIDDEN') {
        wrong.push(`${r.method} ${r.path} (${allowed ? 'allowed' : 'not allowed'}) → ${res.status}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
