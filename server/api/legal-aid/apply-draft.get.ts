import type { ApplyView } from '#shared/types/apply-form'
import type { FormInput } from '../../domain/legal-aid/service'
import { viewApplicationForm } from '../../domain/legal-aid/service'

// The resident's own application form (from the encrypted draft cookie) as the page shows it: the
// current step with its values and errors, "check your answers", or the confirmation. Personal:
// never cached.
export default defineApiHandler(async (event): Promise<ApplyView> => {
  const app = await useApp()
  const state = await readFormState<FormInput['state']>(event)
  setHeader(event, 'cache-control', 'no-store')
  return viewApplicationForm(legalAidDeps(app), { state, query: getQuery(event) })
})
