// Nitro glue for the editor console: the request's deps for the case, lexicon and statute services.
import type { H3Event } from 'h3'
import type { CaseDeps } from '../domain/cases/service'
import type { LexiconDeps } from '../domain/lexicon/service'
import type { StatuteEditorDeps } from '../domain/statutes/service'

export async function caseDeps(event: H3Event): Promise<CaseDeps> {
  const app = await useApp()
  return { db: app.db, ipHash: requestIpHash(event, app) }
}

/** Approve/reject drop the search lexicon cache and re-apply the index settings. */
export async function lexiconDeps(event: H3Event): Promise<LexiconDeps> {
  const app = await useApp()
  return { db: app.db, search: app.search, onChange: invalidateSearchLexicon, ipHash: requestIpHash(event, app) }
}

export async function statuteDeps(event: H3Event): Promise<StatuteEditorDeps> {
  const app = await useApp()
  return { db: app.db, ipHash: requestIpHash(event, app) }
}

/** The case editor page of the route's case (`/staff/cases/[id]`), or the case list for an id that is not one. */
export function caseEditorPath(event: H3Event): string {
  const id = getRouterParam(event, 'id') ?? ''
  return /^[0-9a-f-]{36}$/i.test(id) ? `/staff/cases/${id}` : '/staff/cases'
}
