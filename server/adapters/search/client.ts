import { Meilisearch } from 'meilisearch'
import { multiSearchPort, type MultiSearchPort } from './multi-search'

export interface SearchConnection {
  client: Meilisearch
  /** The library search's requests (node:http, no Nagle delay: see multi-search.ts). */
  search: MultiSearchPort
  host: string
  /** Physical index uid for a logical index name. */
  uid(name: string): string
}

export function connectSearch(host: string, apiKey: string, indexPrefix = ''): SearchConnection {
  const client = new Meilisearch({ host, apiKey, timeout: 10_000 })
  return { client, search: multiSearchPort(host, apiKey), host, uid: name => `${indexPrefix}${name}` }
}

/** True when the search engine answers /health within a short time. */
export async function searchHealthy(conn: SearchConnection, timeoutMs = 1500): Promise<boolean> {
  try {
    const res = await fetch(`${conn.host}/health`, { signal: AbortSignal.timeout(timeoutMs) })
    return res.ok
  } catch {
    return false
  }
}
