// Dev helper: start the bench Meilisearch and return a client (used by ad-hoc exploration scripts).
import { resolve } from 'node:path'
import { Meilisearch } from 'meilisearch'
import { startEmbeddedMeili } from '../../server/adapters/search/embedded'
export async function devClient(dir = '.data/bench-meili') {
  const m = await startEmbeddedMeili({ dir: resolve(process.cwd(), dir) })
  return { client: new Meilisearch({ host: m.host, apiKey: m.apiKey }), stop: m.stop }
}
