// A tiny HTTP client for API tests: keeps cookies, sends a same-origin Origin header on writes.
import { inject } from 'vitest'
import type { TestServer } from '../global-setup'

export function servers(): TestServer[] {
  return inject('servers')
}

export interface Res<T = unknown> { status: number, body: T, headers: Headers }

export class ApiClient {
  cookies = new Map<string, string>()
  constructor(public base: string, public origin: string | null = base) {}

  async req<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { accept: 'application/json', ...headers }
    // a FormData body (multipart) carries its own content type and boundary
    const form = body instanceof FormData
    if (body !== undefined && !form) h['content-type'] ??= 'application/json'
    if (this.origin && method !== 'GET' && method !== 'HEAD' && !('origin' in headers)) h.origin = this.origin
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const r = await fetch(this.base + path, { method, headers: h, body: body === undefined ? undefined : form || typeof body === 'string' ? body : JSON.stringify(body), redirect: 'manual' })
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const i = pair!.indexOf('=')
      const k = pair!.slice(0, i)
      const v = pair!.slice(i + 1)
      if (v === '' || /max-age=0/i.test(c)) this.cookies.delete(k)
      else this.cookies.set(k, v)
    }
    const text = await r.text()
    let parsed: unknown = text
    try { parsed = JSON.parse(text) } catch { /* not json */ }
    return { status: r.status, body: parsed as T, headers: r.headers }
  }

  get<T = any>(path: string, headers?: Record<string, string>) { return this.req<T>('GET', path, undefined, headers) }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.req<T>('POST', path, body ?? {}, headers) }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.req<T>('PUT', path, body ?? {}, headers) }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.req<T>('PATCH', path, body ?? {}, headers) }
  delete<T = any>(path: string, headers?: Record<string, string>) { return this.req<T>('DELETE', path, undefined, headers) }
}

/** A client signed in as one of the demo staff accounts (password from the API test harness). */
export async function signedIn(base: string, username: string): Promise<ApiClient> {
  const c = new ApiClient(base)
  const r = await c.post('/api/auth/login', { username, password: inject('demoPassword') })
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`)
  return c
}
