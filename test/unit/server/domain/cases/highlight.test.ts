import { describe, expect, it } from 'vitest'
import { hasMatch, highlightFormatted, highlightTerms, makeHighlightTags } from '~~/server/domain/cases/highlight'
import { markup } from '../../../../helpers/highlight'

const tags = makeHighlightTags('abc123XYZ')
const m = (s: string) => `${tags.pre}${s}${tags.post}`

describe('markup (what the reader gets: escaped text, matches in <mark>)', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(markup({ text: `<a href="x">'&'</a>`, marks: [] })).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})

describe('highlightFormatted', () => {
  it('answers plain text and the ranges that matched, never markup', () => {
    expect(highlightFormatted(`<b>${m('工资')}</b>`, tags)).toEqual({ text: '<b>工资</b>', marks: [[3, 5]] })
  })
  it('escapes the text first, then wraps the matches in <mark>', () => {
    expect(markup(highlightFormatted(`<script>alert(1)</script> 用人单位${m('工资')} & 报酬`, tags)))
      .toBe('&lt;script&gt;alert(1)&lt;/script&gt; 用人单位<mark>工资</mark> &amp; 报酬')
  })
  it('escapes inside a match too (a query containing < or &)', () => {
    expect(markup(highlightFormatted(`a ${m('<b>&')} b`, tags))).toBe('a <mark>&lt;b&gt;&amp;</mark> b')
  })
  it('never lets literal <mark> in the text through as markup', () => {
    expect(markup(highlightFormatted(`<mark>x</mark>${m('y')}`, tags))).toBe('&lt;mark&gt;x&lt;/mark&gt;<mark>y</mark>')
  })
  it('closes an unbalanced match and drops stray tags', () => {
    expect(markup(highlightFormatted(`a${tags.pre}b`, tags))).toBe('a<mark>b</mark>')
    expect(markup(highlightFormatted(`a${tags.post}b`, tags))).toBe('ab')
  })
  it('returns plain escaped text when nothing matched', () => {
    expect(markup(highlightFormatted('劳动合同 <x>', tags))).toBe('劳动合同 &lt;x&gt;')
    expect(hasMatch('劳动合同', tags)).toBe(false)
    expect(hasMatch(m('劳动'), tags)).toBe(true)
  })
  it('refuses weak tokens', () => {
    expect(() => makeHighlightTags('<b>')).toThrow()
  })
})

describe('highlightTerms', () => {
  it('answers plain text and the ranges that matched, shifted past a leading ellipsis', () => {
    expect(highlightTerms('工资<b>工资', ['工资'])).toEqual({ text: '工资<b>工资', marks: [[0, 2], [5, 7]] })
    const cut = highlightTerms('甲'.repeat(300) + '工资', ['工资'], 100)
    expect(cut.text.startsWith('…')).toBe(true)
    expect(cut.marks).toHaveLength(1)
    expect(cut.text.slice(...cut.marks[0]!)).toBe('工资')
  })
  it('marks every occurrence, escaping text and term', () => {
    expect(markup(highlightTerms('工资<script>&工资', ['工资']))).toBe('<mark>工资</mark>&lt;script&gt;&amp;<mark>工资</mark>')
  })
  it('matches a query term that contains & and <', () => {
    expect(markup(highlightTerms('A&B <c>', ['a&b', '<c>']))).toBe('<mark>A&amp;B</mark> <mark>&lt;c&gt;</mark>')
  })
  it('prefers the longer term and never overlaps', () => {
    expect(markup(highlightTerms('劳动报酬', ['劳动', '劳动报酬']))).toBe('<mark>劳动报酬</mark>')
  })
  it('cuts an excerpt around the first match of a long text', () => {
    const text = '甲'.repeat(300) + '工资' + '乙'.repeat(300)
    const out = markup(highlightTerms(text, ['工资'], 100))
    expect(out.startsWith('…')).toBe(true)
    expect(out.endsWith('…')).toBe(true)
    expect(out).toContain('<mark>工资</mark>')
    expect(out.replace(/<\/?mark>|…/g, '').length).toBe(100)
  })
})
