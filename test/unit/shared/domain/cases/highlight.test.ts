import { describe, expect, it } from 'vitest'
import { highlightSegments } from '~~/shared/domain/cases/highlight'

describe('highlightSegments', () => {
  it('cuts the text into plain and marked pieces, in order', () => {
    expect(highlightSegments({ text: '老板不给工资怎么办', marks: [[0, 2], [4, 6]] })).toEqual([
      { text: '老板', mark: true }, { text: '不给', mark: false }, { text: '工资', mark: true }, { text: '怎么办', mark: false },
    ])
  })
  it('keeps markup in the text as text', () => {
    expect(highlightSegments({ text: '<script>x</script>', marks: [[8, 9]] })).toEqual([
      { text: '<script>', mark: false }, { text: 'x', mark: true }, { text: '</script>', mark: false },
    ])
  })
  it('ignores ranges that are empty, out of bounds, overlapping, out of order or not integers', () => {
    const text = 'abcdef'
    expect(highlightSegments({ text, marks: [[2, 2], [4, 9], [-1, 1], [1.5, 3]] })).toEqual([{ text, mark: false }])
    expect(highlightSegments({ text, marks: [[1, 3], [2, 4], [0, 1], [4, 5]] })).toEqual([
      { text: 'a', mark: false }, { text: 'bc', mark: true }, { text: 'd', mark: false }, { text: 'e', mark: true }, { text: 'f', mark: false },
    ])
  })
  it('gives nothing for an empty text', () => {
    expect(highlightSegments({ text: '', marks: [] })).toEqual([])
  })
})
