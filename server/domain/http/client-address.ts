// Which address a request came from, given how many reverse proxies the operator trusts.
// Framework-free so the rule is unit-tested without a server.
import { isIP } from 'node:net'

/**
 * Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
 * with `hops` trusted proxies the last `hops` entries are theirs and the client is the entry the
 * first (outermost) proxy added: the `hops`-th from the right. Anything further left was sent by
 * the client itself and is ignored (a new X-Forwarded-For cannot change the answer). With no
 * trusted proxy, or when the header is missing, short or malformed, the socket address counts.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const socket = normalizeAddress(socketAddress) ?? 'unknown'
  if (hops <= 0 || !forwardedFor) return socket
  const entries = forwardedFor.split(',').map(s => s.trim()).filter(Boolean)
  if (entries.length < hops) return socket
  return normalizeAddress(entries[entries.length - hops]) ?? socket
}

/** A bare IP (IPv4-mapped IPv6 folded to IPv4), or undefined when it is not an address. */
export function normalizeAddress(v: string | undefined): string | undefined {
  if (!v) return undefined
  let a = v.trim()
  // "[::1]:1234" and "1.2.3.4:5678" forms some proxies write.
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracket) a = bracket[1]!
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(a)) a = a.slice(7)
  return isIP(a) ? a.toLowerCase() : undefined
}
