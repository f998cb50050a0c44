import type { SearchResultDto } from '#shared/types/cases'
import { searchLibraryQuery } from '#shared/schemas/search'
import { searchLibrary, type SearchTimings } from '~~/server/domain/cases/service'

export default defineApiHandler(async (event): Promise<SearchResultDto> => {
  const timings: SearchTimings = {}
  const t0 = performance.now()
  const query = await getValidatedQuery(event, searchLibraryQuery.parse)
  timings.validate = performance.now() - t0
  const app = await useApp()
  setHeader(event, 'cache-control', 'no-store')
  // right after a start, wait until the whole corpus ranks rather than answer from part of the law
  const tw = performance.now()
  const complete = await statuteCorpusSettled(app)
  timings.settle = performance.now() - tw
  const result = await searchLibrary({ ...(await librarySearchDeps(app)), timings }, query)
  timings.total = performance.now() - t0
  setHeader(event, 'server-timing', serverTimingHeader(timings)) // where the time went, for the bench and the browser's tools
  return complete ? result : { ...result, loading: true }
})
