import { describe, expect, it } from 'vitest'
import { normalizeQuery, toHalfWidth, contentChunks, contentWords, stripPhrases } from '~~/server/domain/search/normalize'

describe('normalizeQuery', () => {
  it('maps fullwidth to halfwidth and lower-cases Latin', () => {
    expect(toHalfWidth('ＡＢＣ１２３')).toBe('ABC123')
    expect(normalizeQuery('ＡＢＣ　工资？')).toBe('abc 工资')
  })
  it('turns punctuation into single spaces', () => {
    expect(normalizeQuery('老板，拖了“三个月”工资！！')).toBe('老板 拖了 三个月 工资')
  })
})

describe('colloquial stripping', () => {
  it('removes question frames', () => {
    expect(stripPhrases('请问离婚冷静期多少天怎么办')).toBe('离婚冷静期多少天')
  })
  it('drops pronouns and particles but keeps content words', () => {
    const words = contentWords(normalizeQuery('请问我老板拖了三个月工资怎么办呢？'))
    expect(words).toContain('老板')
    expect(words).toContain('工资')
    expect(words).not.toContain('我')
    expect(words).not.toContain('呢')
  })
  it('keeps adjacent content words glued in chunks', () => {
    expect(contentChunks(normalizeQuery('应收账款债务人可以主张抗辩吗'))).toEqual(['应收账款债务人', '主张抗辩'])
  })
})
