// The legal lexicon's corrections from the legal-aid audit (issue 11), on the content files as the
// search reads them: each mapping says what the cited article says, no more.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLexiconContent } from '../../../server/domain/cases/content'
import { rewriteQuery } from '../../../server/domain/search/query'

const entries = loadLexiconContent(resolve(import.meta.dirname, '../../../content')).items.filter(e => e.status === 'approved')
const lexicon = { entries }
const legalOf = (q: string) => rewriteQuery(q, lexicon).legalTerms
const synonymsOf = (legal: string) => entries.filter(e => e.kind === 'synonym' && e.legal.includes(legal)).flatMap(e => e.colloquial)

describe('lexicon corrections (issue 11)', () => {
  it('订金 is no 定金: it never maps to 定金 alone, and leads to 定金性质 (合同编通则解释 art. 67)', () => {
    expect(entries.some(e => e.colloquial.includes('订金') && e.legal.length === 1 && e.legal[0] === '定金')).toBe(false)
    expect(entries.some(e => e.kind === 'synonym' && e.colloquial.includes('订金'))).toBe(false)
    expect(legalOf('订金能不能双倍返还')).toEqual(expect.arrayContaining(['订金', '定金性质']))
    expect(legalOf('定金能不能双倍返还')).toContain('定金罚则') // 民法典 art. 587
  })

  it('套路贷 also leads to the criminal provisions (刑法 266, 274, 238, 293之一, 307之一)', () => {
    expect(legalOf('遇到套路贷怎么办')).toEqual(expect.arrayContaining(['诈骗', '敲诈勒索', '非法拘禁', '催收非法债务', '虚假诉讼']))
  })

  it('用工单位 and 雇主 are not synonyms of 用人单位 (劳动合同法 58, 59, 62, 92; 民法典 1192)', () => {
    expect(synonymsOf('用人单位')).not.toContain('用工单位')
    expect(synonymsOf('用人单位')).not.toContain('雇主')
    expect(synonymsOf('用人单位')).toContain('老板')
    expect(legalOf('派遣工在用工单位受伤')).toContain('劳务派遣单位')
    expect(legalOf('雇主不给工钱')).toContain('接受劳务一方')
  })

  it('"n+1" includes the 代通知金 (劳动合同法 40: 额外支付劳动者一个月工资)', () => {
    expect(legalOf('被辞退能拿n+1吗')).toEqual(expect.arrayContaining(['经济补偿', '额外支付劳动者一个月工资']))
  })
})

describe('general legal vocabulary (issue 12, round four: content/lexicon/general.json)', () => {
  // everyday wordings written for this test, not questions of the STARD split
  it.each([
    ['借钱不还该去哪个法院告', ['管辖', '住所地']],
    ['打官司谁来举证', ['提供证据']],
    ['第一次犯事能不能不坐牢', ['缓刑', '免予刑事处罚']],
    ['对方说了算的条款，有最终解释权的规定算数吗', ['格式条款']],
    ['借款先还本金还是先还利息', ['抵充']],
    ['商标的保护期有多长', ['有效期']],
    ['邻居把楼道堵住了', ['妨害物权', '排除妨害']],
    ['托运行李丢了谁赔', ['随身携带物品']],
    ['公司之间借款有效吗', ['法人之间', '民事法律行为']],
    ['把别人的东西卖了', ['无处分权']],
  ])('%s → %j', (q, terms) => {
    expect(legalOf(q)).toEqual(expect.arrayContaining(terms))
  })

  it('each entry cites the law it rests on in its note', () => {
    const general = entries.filter(e => e.id.startsWith('general.'))
    expect(general.length).toBeGreaterThanOrEqual(50)
    for (const e of general) expect(e.note, e.id).toMatch(/第[一二三四五六七八九十百千零]+条|法|条例|规定/)
  })
})
