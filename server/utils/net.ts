import { createHash } from 'node:crypto'
import type { H3Event } from 'h3'

/** Client address (proxy headers only when NUXT_TRUST_PROXY is on). */
export function clientIp(event: H3Event, trustProxy: boolean): string {
  return getRequestIP(event, { xForwardedFor: trustProxy }) ?? 'unknown'
}

/** Addresses are kept hashed (rate limits, audit), never in clear. */
export function hashIp(ip: string, key: Buffer): string {
  return createHash('sha256').update(key).update(ip).digest('base64url').slice(0, 22)
}
