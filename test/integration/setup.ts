// Every integration test file: fail it when two queries ran at once on one PostgreSQL connection
// (see helpers/pg-overlap.ts), whether our guard saw it or pg printed its deprecation warning.
import { afterAll } from 'vitest'
import { describeOverlaps, installPgOverlapGuard, PG_OVERLAP_WARNING } from './helpers/pg-overlap'

const guard = installPgOverlapGuard()
const warnings: string[] = []
process.on('warning', (w) => {
  if (PG_OVERLAP_WARNING.test(w.message)) warnings.push(w.stack ?? w.message)
})

afterAll(() => {
  const overlaps = guard.overlaps.splice(0)
  const seen = warnings.splice(0)
  if (overlaps.length) throw new Error(describeOverlaps(overlaps))
  if (seen.length) throw new Error(`pg warned that a query was sent while its connection was busy:\n${seen[0]}`)
})
