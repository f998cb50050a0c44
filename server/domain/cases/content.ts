// Reads the editorial content (content/cases, content/lexicon) and the dataset's typical cases,
// validated with the shared schemas. Framework-free; invalid files are reported, not thrown.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { explainedCaseContent, typicalCaseOverride, type ExplainedCaseContent, type TypicalCaseOverride } from '../../../shared/schemas/case-content'
import { articleFaq, type ArticleFaq } from '../../../shared/schemas/article-faq'
import { caseKnownQuestions, faqKnownQuestions, type KnownQuestionDoc } from '../search/known-questions'
import { validateLexicon, type LexiconEntry } from '../search/lexicon'
import { readJsonl } from './jsonl'

export interface Loaded<T> { items: T[], errors: string[] }

const jsonFiles = (dir: string) => existsSync(dir) ? readdirSync(dir).filter(f => f.endsWith('.json')).sort() : []

export function loadExplainedCases(contentDir: string): Loaded<ExplainedCaseContent> {
  const dir = join(contentDir, 'cases', 'explained')
  const items: ExplainedCaseContent[] = []
  const errors: string[] = []
  for (const f of jsonFiles(dir)) {
    try {
      const res = explainedCaseContent.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')))
      if (res.success) items.push(res.data)
      else errors.push(`${f}: ${res.error.issues[0]?.path.join('.')} ${res.error.issues[0]?.message}`)
    } catch (e) {
      errors.push(`${f}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return { items, errors }
}

export function loadTypicalOverrides(contentDir: string): Loaded<TypicalCaseOverride> {
  const file = join(contentDir, 'cases', 'typical-overrides.json')
  if (!existsSync(file)) return { items: [], errors: [] }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown[]
  const items: TypicalCaseOverride[] = []
  const errors: string[] = []
  for (const [i, o] of (Array.isArray(raw) ? raw : []).entries()) {
    const res = typicalCaseOverride.safeParse(o)
    if (res.success) items.push(res.data)
    else errors.push(`override ${i}: ${res.error.issues[0]?.path.join('.')} ${res.error.issues[0]?.message}`)
  }
  return { items, errors }
}

/** A typical case as found in typical_cases.jsonl. */
export interface TypicalCaseRecord {
  id: string, title: string, topic: string, facts: string, claims?: string | null, judgment: string,
  reasoning: string, holding?: string | null, significance?: string | null
}

export async function loadTypicalCases(sharedDataDir: string): Promise<TypicalCaseRecord[]> {
  const out: TypicalCaseRecord[] = []
  const file = join(sharedDataDir, 'cases', 'typical_cases.jsonl')
  if (!existsSync(file)) return out
  for await (const r of readJsonl<TypicalCaseRecord>(file)) out.push(r)
  return out
}

/** Entries of content/lexicon/*.json (`{ entries: [...] }`), all statuses, validated. */
export function loadLexiconContent(contentDir: string): Loaded<LexiconEntry> {
  const dir = join(contentDir, 'lexicon')
  const all: unknown[] = []
  const errors: string[] = []
  for (const f of jsonFiles(dir)) {
    try {
      const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { entries?: unknown[] }
      if (Array.isArray(data.entries)) all.push(...data.entries)
    } catch (e) {
      errors.push(`${f}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const { errors: invalid } = validateLexicon(all)
  const bad = new Set(invalid.map(e => /\(([^)]*)\)/.exec(e)?.[1]))
  const items = (all as LexiconEntry[]).filter(e => e && typeof e.id === 'string' && !bad.has(e.id))
  const seen = new Set<string>()
  return { items: items.filter(e => !seen.has(e.id) && seen.add(e.id)), errors: [...errors, ...invalid] }
}

/** Typical case → the library's fields (the override supplies category, groups, summary, ...). */
export function typicalCaseFields(r: TypicalCaseRecord, o: TypicalCaseOverride) {
  const focus = /本案(的)?争议焦点[^。\n]*[。\n]?/.exec(r.reasoning)?.[0]?.trim()
  const explanation = o.explanation ?? [r.reasoning, r.significance].filter(Boolean).join('\n\n')
  return {
    slug: r.id,
    title: r.title,
    category: o.category,
    groups: o.groups,
    region: o.region,
    source: '人民法院发布的典型案例',
    facts: [r.facts, r.claims].filter(Boolean).join('\n\n'),
    question: focus ?? r.holding ?? '',
    outcome: r.judgment,
    explanation,
    commonQuestions: o.commonQuestions,
    summary: o.summary,
    statuteIds: o.statuteIds,
  }
}

/** The team's 常见问法 per article (content/faq/*.jsonl, one `{"id", "questions"}` a line); bad lines reported. */
export function loadArticleFaq(contentDir: string): Loaded<ArticleFaq> {
  const dir = join(contentDir, 'faq')
  const items: ArticleFaq[] = []
  const errors: string[] = []
  const files = existsSync(dir) ? readdirSync(dir).filter(f => f.endsWith('.jsonl')).sort() : []
  for (const f of files) {
    readFileSync(join(dir, f), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return
      try {
        const res = articleFaq.safeParse(JSON.parse(line))
        if (res.success) items.push(res.data)
        else errors.push(`${f}:${i + 1}: ${res.error.issues[0]?.path.join('.')} ${res.error.issues[0]?.message}`)
      } catch (e) {
        errors.push(`${f}:${i + 1}: ${e instanceof Error ? e.message : String(e)}`)
      }
    })
  }
  return { items, errors }
}

/** The case library's 常见问法 (explained cases and typical-case overrides) as known questions (seed and benches). */
export function loadCaseKnowledge(contentDir: string): KnownQuestionDoc[] {
  const explained = loadExplainedCases(contentDir).items.map(c => ({ key: c.slug, commonQuestions: c.commonQuestions, statuteIds: c.statuteIds }))
  const typical = loadTypicalOverrides(contentDir).items.map(o => ({ key: o.id, commonQuestions: o.commonQuestions, statuteIds: o.statuteIds }))
  return caseKnownQuestions([...explained, ...typical])
}

/** The 常见问法 per article as known questions (seed and benches); a bad line stops the caller (the content tests fail first). */
export function loadFaqKnowledge(contentDir: string): KnownQuestionDoc[] {
  const { items, errors } = loadArticleFaq(contentDir)
  if (errors.length) throw new Error(`content/faq: ${errors.slice(0, 3).join('; ')}`)
  return faqKnownQuestions(items)
}
