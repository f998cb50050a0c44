import type { ImportLawVersionResult } from '#shared/types/statutes'
import { importLawVersionBody } from '#shared/schemas/statutes'
import { importLawVersion } from '~~/server/domain/statutes/service'

/** Imports a new version of a law (JSONL, statutes format), optionally superseding the old text. */
export default defineApiHandler(async (event): Promise<ImportLawVersionResult> => {
  const actor = await requireStaff(event, ['editor'])
  const body = await readValidatedBody(event, importLawVersionBody.parse)
  const res = await importLawVersion(await statuteDeps(event), body, actor)
  setResponseStatus(event, 201)
  return res
})
