// Checks the one way to write a service (docs/architecture.md, issue 13): every function a
// `server/domain/<area>/service.ts` exports — declared there or re-exported from a sibling file —
// is `verbNoun(deps, input?, actor?)`: the dependencies first (a `…Deps` type), at most one input,
// the actor last (an `…Actor…` type), no `ipHash` or transaction of its own (both travel in deps:
// `deps.ipHash`, `deps.tx`). Run: `npx tsx scripts/service-signatures.ts` (exit 1 on a finding);
// test/unit/scripts/service-signatures.test.ts runs the same check in `npm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/** Exports of a service that are not use cases (factories of the worker's senders). Keep it short. */
export const NOT_USE_CASES: ReadonlySet<string> = new Set(['loggingSender', 'webhookSender'])

/**
 * Use cases allowed off the convention for a while, each `area: name` (none today: every use case
 * is on it). The check fails on any other, and on one of these once it is converted (drop it then).
 */
export const NOT_YET: ReadonlySet<string> = new Set<string>([])

const ACTOR_TYPE = /\b\w*Actor\w*\b/
const DEPS_TYPE = /\b\w*Deps\b/
const TX_TYPE = /^(Tx|DbOrTx|Db)$/

export interface Signature { file: string, name: string, params: Array<{ name: string, type: string, optional: boolean }> }

const parsed = new Map<string, { text: string, sf: ts.SourceFile }>()
function parse(file: string): ts.SourceFile {
  const text = readFileSync(file, 'utf8')
  const hit = parsed.get(file)
  if (hit?.text === text) return hit.sf
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  parsed.set(file, { text, sf })
  return sf
}

function resolveSibling(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined
  const base = resolve(dirname(from), spec)
  return [base, `${base}.ts`, join(base, 'index.ts')].find(p => existsSync(p) && p.endsWith('.ts'))
}

function signatureOf(root: string, file: string, fn: ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression, name: string): Signature {
  const sf = fn.getSourceFile()
  return {
    file: relative(root, file),
    name,
    params: fn.parameters.map(p => ({ name: p.name.getText(sf), type: p.type?.getText(sf) ?? '', optional: Boolean(p.questionToken || p.initializer) })),
  }
}

/** The function `name` declared (exported or not) in `file`, following `export { x } from './y'`. */
function findFunction(root: string, file: string, name: string, seen = new Set<string>()): Signature | undefined {
  if (seen.has(`${file}#${name}`)) return undefined
  seen.add(`${file}#${name}`)
  const sf = parse(file)
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) return signatureOf(root, file, st, name)
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
          return signatureOf(root, file, d.initializer, name)
        }
      }
    }
    if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      const el = st.exportClause.elements.find(e => e.name.text === name)
      const target = resolveSibling(file, st.moduleSpecifier.text)
      if (el && target) return findFunction(root, target, (el.propertyName ?? el.name).text, seen)
    }
  }
  return undefined
}

/** Every exported function of one service file, with the name it is exported under. */
export function serviceFunctions(root: string, file: string): Signature[] {
  const sf = parse(file)
  const out: Signature[] = []
  const exported = (st: ts.Statement) => ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some(m => m.kind === ts.SyntaxKind.ExportKeyword)
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && exported(st)) out.push(signatureOf(root, file, st, st.name.text))
    else if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) out.push(signatureOf(root, file, d.initializer, d.name.text))
      }
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      const target = resolveSibling(file, st.moduleSpecifier.text)
      if (!target) continue
      for (const el of st.exportClause.elements) {
        if (el.isTypeOnly) continue
        const sig = findFunction(root, target, (el.propertyName ?? el.name).text)
        if (sig) out.push({ ...sig, name: el.name.text })
      }
    }
  }
  return out
}

/** What is wrong with one signature ('' when it follows the convention). */
export function signatureProblem(sig: Signature): string {
  const [deps, input, actor, ...rest] = sig.params
  if (!deps) return 'takes no deps'
  if (!DEPS_TYPE.test(deps.type)) return `first parameter \`${deps.name}: ${deps.type}\` is not the deps (a …Deps type)`
  if (rest.length > 0) return `takes ${sig.params.length} parameters (deps, input, actor at most)`
  const own = sig.params.find(p => p.name === 'ipHash' || p.name === 'tx' || TX_TYPE.test(p.type))
  if (own) return `takes \`${own.name}\` as a parameter of its own (put it in deps)`
  if (input && (ACTOR_TYPE.test(input.type) || input.name === 'actor')) return `second parameter \`${input.name}\` is an actor (the input comes before the actor)`
  if (actor && !(ACTOR_TYPE.test(actor.type) && !DEPS_TYPE.test(actor.type))) return `third parameter \`${actor.name}: ${actor.type}\` is not the actor`
  return ''
}

export function serviceFiles(root: string): string[] {
  const domain = join(root, 'server/domain')
  return readdirSync(domain).map(area => join(domain, area, 'service.ts')).filter(existsSync).sort()
}

/**
 * A use case reaches the outside world: it takes deps or a database handle. An export that takes
 * neither (an error constructor, a DTO mapper, a predicate) is a pure helper and is not checked.
 */
export function isUseCase(sig: Signature): boolean {
  return !NOT_USE_CASES.has(sig.name) && sig.params.some(p => DEPS_TYPE.test(p.type) || TX_TYPE.test(p.type) || p.name === 'tx' || p.name === 'db')
}

const areaOf = (root: string, file: string) => relative(join(root, 'server/domain'), dirname(file))

export interface Violation { key: string, text: string }

/** Every exported use case off the convention: `key` is `area: name` (as in NOT_YET). */
export function offConvention(root: string): Violation[] {
  return serviceFiles(root).flatMap(file => serviceFunctions(root, file)
    .filter(isUseCase)
    .map(sig => ({ sig, problem: signatureProblem(sig) }))
    .filter(x => x.problem)
    .map(({ sig, problem }) => ({
      key: `${areaOf(root, file)}: ${sig.name}`,
      text: `${relative(root, file)}: ${sig.name}(${sig.params.map(p => p.name).join(', ')}) — ${problem}`,
    })))
}

/** Use cases off the convention and not listed in NOT_YET, and NOT_YET entries already converted. */
export function signatureFindings(root: string): { violations: string[], stale: string[] } {
  const off = offConvention(root)
  return {
    violations: off.filter(v => !NOT_YET.has(v.key)).map(v => v.text),
    stale: [...NOT_YET].filter(k => !off.some(v => v.key === k)),
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const root = resolve(import.meta.dirname, '..')
  const { violations, stale } = signatureFindings(root)
  const count = serviceFiles(root).reduce((n, f) => n + serviceFunctions(root, f).filter(isUseCase).length, 0)
  console.log(`server/domain/*/service.ts: ${count} use cases, ${violations.length} off verbNoun(deps, input, actor?) (${NOT_YET.size} listed as not yet)`)
  for (const v of violations) console.log(`  ${v}`)
  for (const k of stale) console.log(`  ${k}: listed as not yet, but on the convention now (drop it from NOT_YET)`)
  process.exit(violations.length || stale.length ? 1 : 0)
}
