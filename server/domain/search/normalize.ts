// Query normalisation for plain-language legal questions. Framework-free.

/** Function words removed from the index as well (stable list: changing it needs a reindex). */
export const STOP_WORDS: readonly string[] = ['的', '了', '地', '得', '着', '吗', '呢', '吧', '啊', '呀', '嘛']

/**
 * Colloquial question frames removed by substring before segmentation. Only phrases that never
 * occur inside a legal term belong here (怎么办, 请问 ...).
 */
export const QUERY_PHRASES: readonly string[] = [
  '请问一下', '请问', '想问一下', '想问问', '我想知道', '想知道', '咨询一下', '你好', '您好', '谢谢',
  '怎么办才好', '该怎么办', '怎么办', '怎么处理', '如何处理', '怎么解决', '如何解决', '该如何', '怎么算',
  '怎么样', '怎么', '怎样', '什么样', '什么', '为什么', '是不是', '能不能', '可不可以', '会不会', '有没有',
  '要不要', '需不需要', '可以吗', '算不算', '合法吗', '违法吗', '多少钱', '多长时间', '多久',
]

/** Colloquial filler removed when it is a whole segmented word (query side only, can evolve freely). */
export const QUERY_FILLERS: readonly string[] = [
  '请教', '求助', '律师', '麻烦', '急', '如何', '哪些', '哪个', '哪里', '多少', '几个', '是否', '能否', '可否',
  '有什么', '应该', '需要', '可以', '能够', '有关', '相关', '法律规定', '依法', '一般', '通常', '具体',
  '我们', '你们', '他们', '她们', '它们', '自己', '本人', '我', '你', '他', '她', '它', '咱', '俺', '咱们',
  '这个', '那个', '这种', '那种', '这样', '那样', '一个', '某某', '某', '谁', '啥', '么', '吗', '呢', '吧',
  '啊', '呀', '嘛', '哦', '哈', '了', '的', '得', '地', '着', '过', '是', '在', '和', '与', '及', '或', '对',
  '一下', '现在', '已经', '还是', '就是', '但是', '因为', '所以', '如果', '然后', '而且', '并且', '以及', '或者',
  '都', '也', '又', '还', '就', '才', '很', '太', '非常', '比较', '到底', '究竟', '情况', '问题', '情形',
  '要', '会', '能', '有', '没有', '没', '不', '把', '被', '给', '让', '从', '向', '将', '之', '其', '该',
  '时', '后', '前', '中', '内', '上', '下', '个', '些', '吗', '办', '该怎么', '处理',
]

const PHRASES_BY_LENGTH = [...QUERY_PHRASES].sort((a, b) => b.length - a.length)
const FILLER_SET = new Set(QUERY_FILLERS)

/** Fullwidth ASCII → halfwidth, ideographic space → space, lower-case Latin. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/\u3000/g, ' ')
}

const PUNCT = /[\s!-/:-@[-`{-~\u3000-\u303F\uFF00-\uFFEF\u2000-\u206F\u00B7\u00A0\u300A\u300B\u201C\u201D\u2018\u2019\u2026\u2014]+/g

/** Normalises a raw question: width, case, punctuation → single spaces. */
export function normalizeQuery(raw: string): string {
  return toHalfWidth(raw.normalize('NFKC')).toLowerCase().replace(PUNCT, ' ').replace(/\s+/g, ' ').trim()
}

/**
 * Removes colloquial question frames and filler words from a normalised query; returns the
 * remaining content words in order (segmented with the ICU dictionary).
 */
export function contentWords(normalized: string, fillers: ReadonlySet<string> = FILLER_SET): string[] {
  let text = normalized
  for (const p of PHRASES_BY_LENGTH) text = text.split(p).join(' ')
  return segmentWords(text).filter(w => !fillers.has(w))
}

/**
 * Like contentWords, but adjacent content words stay glued together as one chunk
 * (应收账款 rather than 应/收/账/款) so Meilisearch's own segmenter sees the real phrase.
 */
export function contentChunks(normalized: string, fillers: ReadonlySet<string> = FILLER_SET): string[] {
  let text = normalized
  for (const p of PHRASES_BY_LENGTH) text = text.split(p).join(' ')
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const out: string[] = []
  let cur = ''
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike && !fillers.has(s.segment)) cur += s.segment
    else { if (cur) out.push(cur); cur = '' }
  }
  if (cur) out.push(cur)
  return out
}

/** Strips the question frames only (keeps the sentence readable for Meilisearch's own segmenter). */
export function stripPhrases(normalized: string): string {
  let text = normalized
  for (const p of PHRASES_BY_LENGTH) text = text.split(p).join(' ')
  return text.replace(/\s+/g, ' ').trim()
}

let segmenter: Intl.Segmenter | undefined
/** Word segmentation with ICU's dictionary (Intl.Segmenter 'zh'), word-like segments only. */
export function segmentWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const out: string[] = []
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment)
  return out
}
