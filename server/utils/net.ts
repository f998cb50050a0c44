import { createHash } from 'node:crypto'
import type { H3Event } from 'h3'
import { loadConfig } from '../config'
import { clientAddressOf } from '../domain/http/client-address'

let trustedHops: number | undefined

/**
 * The one answer to "which address sent this request" (rate limits, throttles, audit): the socket
 * address, or with NUXT_TRUST_PROXY=N the address the outermost of N trusted proxies saw
 * (server/domain/http/client-address.ts). A client cannot choose it by sending X-Forwarded-For.
 */
export function clientAddress(event: H3Event): string {
  trustedHops ??= loadConfig().trustProxy
  return clientAddressOf(getRequestIP(event) ?? event.node.req.socket?.remoteAddress, getRequestHeader(event, 'x-forwarded-for'), trustedHops)
}

/** Addresses are kept hashed (rate limits, audit), never in clear. */
export function hashIp(ip: string, key: Buffer): string {
  return createHash('sha256').update(key).update(ip).digest('base64url').slice(0, 22)
}
