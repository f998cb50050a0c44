import { createReadStream, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadArticleFaq } from '../../../server/domain/cases/content'
import { datasetFile } from '../../../server/domain/cases/jsonl'
import { findPii } from '../../../shared/domain/cases/pii'
import { CASE_CATEGORIES } from '../../../shared/domain/cases/taxonomy'
import {
  explainedCaseContent,
  typicalCaseOverrides,
  type ExplainedCaseContent,
  type TypicalCaseOverride,
} from '../../../shared/schemas/case-content'

const repoRoot = resolve(import.meta.dirname, '../../..')
const dataDir = resolve(repoRoot, process.env.NUXT_SHARED_DATA_DIR || process.env.SHARED_DATA_DIR || 'data')
const explainedDir = join(repoRoot, 'content/cases/explained')
const overridesPath = join(repoRoot, 'content/cases/typical-overrides.json')
const relevancePath = join(repoRoot, 'bench/data/case-relevance.json')

const MIN_ORIGINAL_CASES = 200
const MIN_CASES_PER_CATEGORY = 3
/** Issue 12: a case-relevance set of at least 60 everyday questions with judged relevant cases. */
const MIN_RELEVANCE_QUESTIONS = 60

async function* jsonLines(name: string): AsyncGenerator<Record<string, unknown>> {
  const path = datasetFile(name)
  const input = path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path)
  const lines = createInterface({ input, crlfDelay: Infinity })
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as Record<string, unknown>
}

/** Laws the seeded editorial records take out of force (content/statutes/law-status.json, e.g. 治安管理处罚法 2012). */
const editoriallyNotInForce = new Set(
  (JSON.parse(readFileSync(join(repoRoot, 'content/statutes/law-status.json'), 'utf8')) as { records: Array<{ lawId: string }> }).records.map(r => r.lawId),
)

/**
 * statute id → law in force (issue 11): the dataset's in_force (false for superseded versions and
 * repealed instruments) and no editorial record for its law. Both statute files (priority ⊂ full).
 */
async function loadStatuteIndex(): Promise<Map<string, boolean>> {
  const index = new Map<string, boolean>()
  for (const file of ['statutes/statutes_priority.jsonl', 'statutes/statutes.jsonl.gz']) {
    for await (const rec of jsonLines(join(dataDir, file))) {
      index.set(String(rec.id), rec.is_latest === true && rec.in_force !== false && !editoriallyNotInForce.has(String(rec.law_id)))
    }
  }
  return index
}

const lexiconDir = join(repoRoot, 'content/lexicon')
const lexiconEntries = readdirSync(lexiconDir).filter(f => f.endsWith('.json')).sort()
  .flatMap(f => ((JSON.parse(readFileSync(join(lexiconDir, f), 'utf8')) as { entries?: Array<{ id: string, statuteIds?: string[] }> }).entries ?? []))

const faqRows = loadArticleFaq(join(repoRoot, 'content')).items

const explainedFiles = readdirSync(explainedDir).filter(f => f.endsWith('.json')).sort()
const explainedRaw = explainedFiles.map(f => ({ file: f, data: JSON.parse(readFileSync(join(explainedDir, f), 'utf8')) as unknown }))
const overridesRaw = JSON.parse(readFileSync(overridesPath, 'utf8')) as unknown

/** Every user-visible text field of a case or override. */
function textFields(c: ExplainedCaseContent | TypicalCaseOverride): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const [key, value] of Object.entries(c)) {
    if (key === 'statuteIds' || key === 'groups' || key === 'id' || key === 'slug') continue
    if (typeof value === 'string') out.push([key, value])
    else if (Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && out.push([`${key}[${i}]`, v]))
  }
  return out
}

describe('explained case files', () => {
  it(`has at least ${MIN_ORIGINAL_CASES} original cases`, () => {
    expect(explainedFiles.length).toBeGreaterThanOrEqual(MIN_ORIGINAL_CASES)
  })

  it.each(explainedRaw)('$file matches the explainedCaseContent schema', ({ file, data }) => {
    const result = explainedCaseContent.safeParse(data)
    expect(result.error?.issues ?? []).toEqual([])
    expect(`${result.data!.slug}.json`).toBe(file)
  })

  it('has unique slugs and titles', () => {
    const cases = explainedRaw.map(r => explainedCaseContent.parse(r.data))
    expect(new Set(cases.map(c => c.slug)).size).toBe(cases.length)
    expect(new Set(cases.map(c => c.title)).size).toBe(cases.length)
  })
})

describe('typical case overrides', () => {
  it('match the schema', () => {
    const result = typicalCaseOverrides.safeParse(overridesRaw)
    expect(result.error?.issues ?? []).toEqual([])
  })

  it('cover every typical case in the dataset exactly once', async () => {
    const datasetIds: string[] = []
    for await (const rec of jsonLines(join(dataDir, 'cases/typical_cases.jsonl'))) datasetIds.push(String(rec.id))
    const overrideIds = typicalCaseOverrides.parse(overridesRaw).map(o => o.id)
    expect(new Set(overrideIds).size).toBe(overrideIds.length)
    expect([...overrideIds].sort()).toEqual([...datasetIds].sort())
  })
})

describe('library coverage', () => {
  it(`gives every category at least ${MIN_CASES_PER_CATEGORY} cases counting typical overrides`, () => {
    const counts = new Map<string, number>(CASE_CATEGORIES.map(c => [c, 0]))
    for (const { data } of explainedRaw) {
      const c = explainedCaseContent.parse(data)
      counts.set(c.category, counts.get(c.category)! + 1)
    }
    for (const o of typicalCaseOverrides.parse(overridesRaw)) counts.set(o.category, counts.get(o.category)! + 1)
    const tooFew = [...counts].filter(([, n]) => n < MIN_CASES_PER_CATEGORY)
    expect(tooFew).toEqual([])
  })
})

describe('cited statutes', () => {
  let statutes: Map<string, boolean>
  beforeAll(async () => {
    statutes = await loadStatuteIndex()
  }, 120_000)

  const citations = (): Array<{ where: string, id: string }> => [
    ...explainedRaw.flatMap(({ data }) => {
      const c = explainedCaseContent.parse(data)
      return c.statuteIds.map(id => ({ where: c.slug, id }))
    }),
    ...typicalCaseOverrides.parse(overridesRaw).flatMap(o => o.statuteIds.map(id => ({ where: o.id, id }))),
    ...lexiconEntries.flatMap(e => (e.statuteIds ?? []).map(id => ({ where: `lexicon ${e.id}`, id }))),
    ...faqRows.map(r => ({ where: `faq ${r.id}`, id: r.id })),
  ]

  it('exist in the statute dataset', () => {
    expect(statutes.size).toBeGreaterThan(100_000)
    expect(citations().filter(c => !statutes.has(c.id))).toEqual([])
  })

  it('are law in force (in_force, latest version, no editorial repeal): every explained case, typical override, lexicon entry and article FAQ', () => {
    expect(citations().filter(c => statutes.get(c.id) === false)).toEqual([])
  })

  it('the lexicon cites the articles its corrections rest on (issue 11)', () => {
    const cites = (id: string) => lexiconEntries.find(e => e.id === id)?.statuteIds ?? []
    expect(cites('contract.046b')).toContain('Lae1d46f0dd-a0067') // 订金 ≠ 定金: 合同编通则解释 art. 67
    expect(cites('contract.029b')).toEqual(expect.arrayContaining(['Lbd8528ce18-a0266', 'Lbd8528ce18-a0293-1'])) // 套路贷: 刑法 266, 293之一
    expect(cites('labor.011b')).toEqual(expect.arrayContaining(['Lef955985f1-a0058', 'Lef955985f1-a0059', 'Lef955985f1-a0062', 'Lef955985f1-a0092']))
    expect(cites('labor.011c')).toContain('L1284dd23c1-a1192') // 雇主: 民法典 1192
    expect(cites('labor.018b')).toContain('Lef955985f1-a0040') // n+1: 代通知金, 劳动合同法 40
  })
})

describe('personal information', () => {
  const all = (): Array<{ where: string, field: string, text: string }> => [
    ...explainedRaw.flatMap(({ data }) => {
      const c = explainedCaseContent.parse(data)
      return textFields(c).map(([field, text]) => ({ where: c.slug, field, text }))
    }),
    ...typicalCaseOverrides.parse(overridesRaw).flatMap(o => textFields(o).map(([field, text]) => ({ where: o.id, field, text }))),
  ]

  it('no text field carries an ID number, phone number, e-mail or real-looking name', () => {
    const hits = all().flatMap(({ where, field, text }) =>
      findPii(text).map(f => ({ where, field, kind: f.kind, match: text.slice(f.index, f.index + f.length) })))
    expect(hits).toEqual([])
  })
})

describe('case relevance set (bench/data/case-relevance.json)', () => {
  const set = JSON.parse(readFileSync(relevancePath, 'utf8')) as { questions: Array<{ q: string, relevant: Record<string, number> }> }
  const slugs = new Set(explainedRaw.map(({ data }) => explainedCaseContent.parse(data).slug))
  const typicalIds = new Set(typicalCaseOverrides.parse(overridesRaw).map(o => o.id))

  it(`has at least ${MIN_RELEVANCE_QUESTIONS} distinct questions, each with a case graded 2 (answers it)`, () => {
    const qs = set.questions.map(q => q.q.trim())
    expect(qs.length).toBeGreaterThanOrEqual(MIN_RELEVANCE_QUESTIONS)
    expect(new Set(qs).size).toBe(qs.length)
    expect(set.questions.filter(q => !Object.values(q.relevant).includes(2)).map(q => q.q)).toEqual([])
  })

  it('judges only published cases (explained slugs or typical ids) with grades 1 or 2', () => {
    const bad = set.questions.flatMap(q => Object.entries(q.relevant)
      .filter(([key, grade]) => !(slugs.has(key) || typicalIds.has(key)) || (grade !== 1 && grade !== 2))
      .map(([key, grade]) => `${q.q} → ${key}: ${grade}`))
    expect(bad).toEqual([])
  })

  it('judges every original explained case relevant to at least one question (a new case comes with its question)', () => {
    const judged = new Set(set.questions.flatMap(q => Object.keys(q.relevant)))
    expect([...slugs].filter(s => !judged.has(s))).toEqual([])
  })
})
