import type { StatusFormView } from '#shared/types/apply-form'
import type { StatusState } from '../../domain/forms/status'
import { viewApplicationStatusForm } from '../../domain/legal-aid/service'

// The status page as the resident left it: the look-up form with its errors, and the application's
// status once the reference and phone have opened it (kept in the encrypted draft cookie). Personal:
// never cached.
export default defineApiHandler(async (event): Promise<StatusFormView> => {
  const app = await useApp()
  const state = await readFormState<StatusState & Record<string, unknown>>(event)
  setHeader(event, 'cache-control', 'no-store')
  return viewApplicationStatusForm(legalAidDeps(app, requestIpHash(event, app)), { state, query: getQuery(event) })
})
