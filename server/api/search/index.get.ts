import type { SearchResultDto } from '#shared/types/cases'
import { searchLibraryQuery } from '#shared/schemas/search'
import { searchLibrary } from '~~/server/domain/cases/service'

export default defineApiHandler(async (event): Promise<SearchResultDto> => {
  const query = await getValidatedQuery(event, searchLibraryQuery.parse)
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  return searchLibrary(await librarySearchDeps(app), query)
})
