import { describe, expect, it } from 'vitest'
import { CitationIndex, parseArticleNumber, parseCitation, type CitableStatute } from '~~/server/domain/search/citation'

describe('parseArticleNumber', () => {
  it.each([
    ['八十二', 82], ['一千零七十九', 1079], ['二百三十四', 234], ['十', 10], ['十一', 11], ['一百零一', 101],
    ['两百', 200], ['三十一', 31], ['82', 82], ['１０７９', 1079],
  ])('%s → %i', (s, n) => expect(parseArticleNumber(s)).toBe(n))

  it.each(['', 'abc', '0', '第八条', '八x'])('%s is not an article number', s => expect(parseArticleNumber(s)).toBeUndefined())
})

describe('parseCitation', () => {
  it.each([
    ['劳动合同法第八十二条', '劳动合同法', 82],
    ['劳动合同法82条', '劳动合同法', 82],
    ['民法典1079条', '民法典', 1079],
    ['民法典第一千零七十九条', '民法典', 1079],
    ['刑法第二百三十四条', '刑法', 234],
    ['法律援助法 31条', '法律援助法', 31],
    ['《中华人民共和国民法典》第1079条', '民法典', 1079],
    ['中华人民共和国劳动合同法第八十二条的规定', '劳动合同法', 82],
    ['民法典第1079条是什么？', '民法典', 1079],
    ['劳动合同法第八十二条第二款', '劳动合同法', 82],
    ['民法典第１０７９条', '民法典', 1079],
  ])('%s → %s art. %i', (q, law, article) => expect(parseCitation(q)).toEqual({ law, article }))

  it('reads a law name alone', () => {
    expect(parseCitation('民法典')).toEqual({ law: '民法典' })
    expect(parseCitation('中华人民共和国反家庭暴力法')).toEqual({ law: '反家庭暴力法' })
    expect(parseCitation('《工伤保险条例》')).toEqual({ law: '工伤保险条例' })
  })

  it('leaves questions in everyday words to the ranker', () => {
    for (const q of ['老板拖欠工资怎么办', '离婚冷静期多少天', '第八十二条', '1079条', '我想了解一下劳动合同法第八十二条关于双倍工资的规定和仲裁时效问题怎么算呢'])
      expect(parseCitation(q), q).toBeNull()
  })
})

const art = (law: string, no: number, o: Partial<CitableStatute> & { law_id?: string } = {}): CitableStatute => {
  const { law_id: lawId = law, ...rest } = o
  return { id: `${lawId}-a${String(no).padStart(4, '0')}`, law_title: `中华人民共和国${law}`, law_short_title: law, article_no: no, article_label: `第${no}条`, is_latest: true, level_rank: 1, ...rest }
}

describe('CitationIndex', () => {
  const idx = new CitationIndex()
  // the 民法典 is one law held as several records (one per 编)
  idx.add(art('民法典', 1079, { law_id: 'Lmarriage' }))
  idx.add(art('民法典', 1, { law_id: 'Lgeneral' }))
  idx.add(art('民法典', 2, { law_id: 'Lgeneral' }))
  idx.add(art('劳动合同法', 82, { law_id: 'Lnew' }))
  // an old version and a repealed article never answer a citation
  idx.add(art('劳动合同法', 82, { law_id: 'Lold', is_latest: false }))
  idx.add(art('治安管理处罚法', 102, { law_id: 'Lpolice', in_force: false }))
  // a local rule sharing a short name loses to the national law
  idx.add({ ...art('劳动合同法', 82, { law_id: 'Llocal', level_rank: 5 }), law_title: '某省劳动合同条例', law_short_title: '劳动合同法' })

  it('finds the cited article of the law in force', () => {
    expect(idx.resolve('民法典1079条')).toEqual({ kind: 'article', id: 'Lmarriage-a1079' })
    expect(idx.resolve('劳动合同法第八十二条')).toEqual({ kind: 'article', id: 'Lnew-a0082' })
    expect(idx.resolve('中华人民共和国劳动合同法82条')).toEqual({ kind: 'article', id: 'Lnew-a0082' })
  })

  it('lists a named law in article order across its records', () => {
    expect(idx.resolve('民法典')).toEqual({ kind: 'law', ids: ['Lgeneral-a0001', 'Lgeneral-a0002', 'Lmarriage-a1079'], total: 3 })
  })

  it('answers nothing for repealed law, unknown laws and missing articles', () => {
    expect(idx.resolve('治安管理处罚法第一百零二条')).toBeNull()
    expect(idx.resolve('不存在法第1条')).toBeNull()
    expect(idx.resolve('民法典第9999条')).toBeNull()
    expect(idx.resolve('老板不给工资')).toBeNull()
    expect(idx.resolve('被狗咬了怎么办法')).toBeNull()
  })
})
