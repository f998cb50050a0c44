// The search requests of the library search (POST /multi-search), sent over node:http with kept-alive
// sockets and Nagle's algorithm off. Measured on this machine against the bundled Meilisearch 1.21
// (bench/search-http.ts): the same query took p50 ~45 ms through fetch (undici, which the official
// client uses) and ~2 ms through node:http: a small request or answer written in two pieces waited
// for a delayed TCP acknowledgement (40 ms on Linux). Everything else (indexing, settings, tasks)
// stays on the official client.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

export interface MultiSearchResponse { results: Array<{ hits: unknown[], estimatedTotalHits?: number, totalHits?: number, facetDistribution?: Record<string, Record<string, number>> }> }

/** One POST /multi-search port: `{ queries }` in, Meilisearch's JSON answer out (an error for any non-2xx). */
export interface MultiSearchPort {
  multiSearch(req: { queries: readonly object[] }): Promise<MultiSearchResponse>
}

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 })
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 })

/** POSTs `body` as JSON to `host` + `path` and parses the answer; rejects on a non-2xx, a network error or after `timeoutMs`. */
export function postJson<T>(host: string, apiKey: string, path: string, body: unknown, timeoutMs = 10_000): Promise<T> {
  const url = new URL(path, host)
  const payload = Buffer.from(JSON.stringify(body))
  const https = url.protocol === 'https:'
  return new Promise<T>((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      agent: https ? httpsAgent : httpAgent,
      headers: { 'content-type': 'application/json', 'content-length': payload.length, ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      timeout: timeoutMs,
    }, (res: IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) {
          let code = ''
          try { code = String((JSON.parse(text) as { code?: unknown }).code ?? '') } catch { /* not JSON */ }
          reject(new Error(`search engine answered ${res.statusCode}${code ? ` (${code})` : ''}`))
          return
        }
        try { resolve(JSON.parse(text) as T) } catch (e) { reject(e) }
      })
    })
    req.on('socket', s => s.setNoDelay(true))
    req.on('timeout', () => req.destroy(new Error(`search engine timeout after ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(payload) // one write: head and body together
  })
}

export function multiSearchPort(host: string, apiKey: string, timeoutMs = 10_000): MultiSearchPort {
  return { multiSearch: req => postJson<MultiSearchResponse>(host, apiKey, '/multi-search', req, timeoutMs) }
}
