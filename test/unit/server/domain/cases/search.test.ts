import { describe, expect, it } from 'vitest'
import { fuseCases } from '../../../../../server/domain/cases/search'

const c = (id: string, statuteIds: string[] = []) => ({ id, statuteIds })

describe('fuseCases', () => {
  it('keeps the engine order when no case cites a top article', () => {
    expect(fuseCases([c('a'), c('b'), c('c')], [], ['S1']).map(x => x.id)).toEqual(['a', 'b', 'c'])
  })

  it('lifts a case that cites the best articles above word matches, and adds cases only the links found', () => {
    const out = fuseCases([c('a'), c('b', ['S2'])], [c('b', ['S2']), c('x', ['S1', 'S2'])], ['S1', 'S2', 'S3'])
    // x cites the two best articles (1/11 + 1/12); b matches words second and cites the second (1/12 + 1/12)
    expect(out.map(x => x.id)).toEqual(['x', 'b', 'a'])
    // no duplicates, citations counted once per article
    expect(fuseCases([c('a', ['S1', 'S1'])], [c('a', ['S1'])], ['S1']).map(x => x.id)).toEqual(['a'])
  })

  it('ignores citations outside the top articles and malformed ones', () => {
    const out = fuseCases([c('a'), { id: 'b', statuteIds: 'S1' }], [c('z', ['S9'])], ['S1'])
    expect(out.map(x => x.id)).toEqual(['a', 'b', 'z'])
  })
})
