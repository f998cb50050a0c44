import { applicationIdParams } from '#shared/schemas/applications'
import type { StaffDocumentDto } from '#shared/types/documents'
import { listApplicationDocuments } from '~~/server/domain/documents/service'

// The documents the applicant attached (kind, cleaned name, size): an audited read.
export default defineApiHandler(async (event): Promise<StaffDocumentDto[]> => {
  const actor = await requireStaff(event, ['reviewer', 'justice_bureau'])
  const { id } = await getValidatedRouterParams(event, applicationIdParams.parse)
  const app = await useApp()
  return listApplicationDocuments(documentsDeps(event, app), { applicationId: id }, actor)
})
