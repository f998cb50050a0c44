import { Meilisearch } from 'meilisearch'

export interface SearchConnection {
  client: Meilisearch
  host: string
  /** Physical index uid for a logical index name. */
  uid(name: string): string
}

export function connectSearch(host: string, apiKey: string, indexPrefix = ''): SearchConnection {
  const client = new Meilisearch({ host, apiKey, timeout: 10_000 })
  return { client, host, uid: name => `${indexPrefix}${name}` }
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
