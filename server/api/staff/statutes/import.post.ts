import type { ImportLawVersionResult } from '#shared/types/statutes'
import { importLawVersionBody } from '#shared/schemas/statutes'
import { importLawVersion } from '../../../domain/statutes/service'

/** Imports a new version of a law (JSONL, statutes format), optionally superseding the old text. */
export default defineApiHandler(async (event): Promise<ImportLawVersionResult> => {
  const deps = await editorDeps(event)
  const body = await readValidatedBody(event, importLawVersionBody.parse)
  const res = await importLawVersion(deps, body)
  setResponseStatus(event, 201)
  return res
})
