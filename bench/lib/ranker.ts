// The production statute ranker built from the bench's corpus and known questions (same code as the app).
import { KnownQuestionNeighbours, StatuteRankerBuilder, type RankerKnownQuestion, type RankerStatute, type StatuteRanker } from '../../server/domain/search/statute-ranker'

export function buildBenchRanker(docs: Iterable<RankerStatute>, known: Iterable<RankerKnownQuestion>): { ranker: StatuteRanker, knowledge: KnownQuestionNeighbours } {
  const b = new StatuteRankerBuilder()
  for (const d of docs) b.add(d)
  const ranker = b.build()
  return { ranker, knowledge: new KnownQuestionNeighbours(ranker.index, known) }
}
