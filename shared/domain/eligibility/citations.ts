/**
 * Legal citations used by the engine. Every article/item here was read in
 * data/statutes/statutes_priority.jsonl (法律援助法, law id L67a404eb29, 2021-08-20) or
 * data/statutes/statutes.jsonl.gz (other laws); the statute id is the id in that dataset.
 */
import type { LegalBasisDto } from '../../types/eligibility'

export const LEGAL_AID_LAW = '法律援助法'
const LEGAL_AID_LAW_ID = 'L67a404eb29'

/** 英雄烈士保护法 第二十五条第四款: 近亲属起诉的，法律援助机构应当依法提供法律援助服务。 */
export const HERO_MARTYR_LAW_ART_25: LegalBasisDto = {
  law: '英雄烈士保护法',
  article: 25,
  paragraph: 4,
  statuteId: 'L4163162782-a0025',
  note: '英雄烈士近亲属依法提起诉讼的，法律援助机构应当依法提供法律援助服务',
}

/** 刑事诉讼法 (2018) — statute ids of the latest version in data/statutes. */
const CPL_ID = 'Labc8634944'
export function cpl(article: number, note?: string): LegalBasisDto {
  const basis: LegalBasisDto = { law: '刑事诉讼法', article, statuteId: `${CPL_ID}-a${String(article).padStart(4, '0')}` }
  if (note !== undefined) basis.note = note
  return basis
}

/**
 * 军人抚恤优待条例 (2024-08-05, in force) 第二条: 抚恤优待对象 include (四) 军人家属 and (五) 退役军人,
 * which bears on 法律援助法第四十二条第（二）项 优抚对象 — the centre must confirm its reading.
 */
export const MILITARY_PENSION_REG_ART_2: LegalBasisDto = {
  law: '军人抚恤优待条例',
  article: 2,
  statuteId: 'L14df7348ad-a0002',
  note: '抚恤优待对象包括军人，残疾军人，烈士、因公牺牲军人、病故军人遗属，军人家属，退役军人',
}

/** A 法律援助法 citation. Undefined parts are left out of the object. */
export function laa(
  article: number,
  options: { item?: number; paragraph?: number; note?: string } = {},
): LegalBasisDto {
  const basis: LegalBasisDto = {
    law: LEGAL_AID_LAW,
    article,
    statuteId: `${LEGAL_AID_LAW_ID}-a${String(article).padStart(4, '0')}`,
  }
  if (options.paragraph !== undefined) basis.paragraph = options.paragraph
  if (options.item !== undefined) basis.item = options.item
  if (options.note !== undefined) basis.note = options.note
  return basis
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const

/** 1..99 → 一..九十九 (enough for article and item numbers of this law). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n)
  const hundreds = Math.floor(n / 100)
  const tens = Math.floor((n % 100) / 10)
  const ones = n % 10
  let out = ''
  if (hundreds > 0) out += `${DIGITS[hundreds]}百`
  if (tens > 0) out += hundreds === 0 && tens === 1 ? '十' : `${DIGITS[tens]}十`
  else if (hundreds > 0 && ones > 0) out += '零'
  if (ones > 0) out += DIGITS[ones]
  return out
}

/** "法律援助法第三十一条第（五）项" */
export function cite(basis: Pick<LegalBasisDto, 'law' | 'article' | 'item' | 'paragraph'>): string {
  let text = `${basis.law}第${chineseNumber(basis.article)}条`
  if (basis.paragraph !== undefined) text += `第${chineseNumber(basis.paragraph)}款`
  if (basis.item !== undefined) text += `第（${chineseNumber(basis.item)}）项`
  return text
}
