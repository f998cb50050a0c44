// Draws the import graph of server/ from the code's own imports and reports (1) import circles and
// (2) imports that run from a lower layer back up to a higher one. Run: `npx tsx scripts/import-graph.ts`
// (exit 1 on a finding); test/unit/scripts/import-graph.test.ts runs the same check in `npm test`.
//
// Layers, highest first (an import may only point to the same or a lower layer):
//   3 Nitro glue: server/api, server/routes, server/middleware, server/plugins, server/utils
//   2 composition root: server/app-context.ts
//   1 everything else: server/domain, server/repositories, server/adapters, server/db, server/seed, server/config …
// and (3) routes (server/api, server/routes) that reach the database themselves: a route calls a
// service (server/domain/<area>/service.ts), never a repository, server/db or drizzle-orm.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export type Graph = Map<string, string[]>

const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '/index.ts', '/index.mjs']

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return name === 'migrations' || name === 'node_modules' ? [] : listFiles(p)
    return /\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [p] : []
  })
}

function resolveImport(root: string, from: string, spec: string): string | undefined {
  let base: string
  if (spec.startsWith('.')) base = resolve(dirname(from), spec)
  else if (spec.startsWith('~~/')) base = join(root, spec.slice(3))
  else if (spec.startsWith('#shared/')) base = join(root, 'shared', spec.slice(8))
  else if (spec.startsWith('#server/')) base = join(root, 'server', spec.slice(8))
  else return undefined // a package, or a Nitro virtual module
  if (existsSync(base) && statSync(base).isFile()) return base
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext
  return undefined
}

/** Files under `dir` (relative to `root`) → the files they import (inside the repository). */
export function importGraph(root: string, dir = 'server'): Graph {
  const graph: Graph = new Map()
  for (const file of listFiles(join(root, dir))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = info.importedFiles
      .map(f => resolveImport(root, file, f.fileName))
      .filter((t): t is string => t !== undefined)
      .map(t => relative(root, t))
    graph.set(relative(root, file), [...new Set(targets)])
  }
  return graph
}

/** Strongly connected components with more than one file (or a file importing itself): the circles. */
export function circles(graph: Graph): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const out: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, idx.get(w)!))
      }
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return out
}

/** 3 = Nitro glue, 2 = composition root, 1 = domain and below; undefined outside server/. */
export function layerOf(file: string): number | undefined {
  if (!file.startsWith('server/')) return undefined
  if (/^server\/(api|routes|middleware|plugins|utils)\//.test(file)) return 3
  if (file === 'server/app-context.ts') return 2
  return 1
}

/** Imports from a lower layer to a higher one, as "from → to". */
export function upwardImports(graph: Graph): string[] {
  const out: string[] = []
  for (const [from, targets] of graph) {
    const lf = layerOf(from)
    if (lf === undefined) continue
    for (const to of targets) {
      const lt = layerOf(to)
      if (lt !== undefined && lt > lf) out.push(`${from} → ${to}`)
    }
  }
  return out.sort()
}

const ROUTE = /^server\/(api|routes)\//
const DATABASE = /^server\/(repositories|db)\//

/** Route files that import a repository, server/db or drizzle-orm, as "route → target". */
export function routeDatabaseImports(root: string, graph: Graph): string[] {
  const out: string[] = []
  for (const [from, targets] of graph) {
    if (!ROUTE.test(from)) continue
    for (const to of targets) if (DATABASE.test(to)) out.push(`${from} → ${to}`)
    const info = ts.preProcessFile(readFileSync(join(root, from), 'utf8'), true, true)
    for (const f of info.importedFiles) if (f.fileName === 'drizzle-orm' || f.fileName.startsWith('drizzle-orm/')) out.push(`${from} → ${f.fileName}`)
  }
  return out.sort()
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
  const graph = importGraph(root)
  const found = circles(graph)
  const upward = upwardImports(graph)
  const direct = routeDatabaseImports(root, graph)
  console.log(`server/: ${graph.size} files, ${[...graph.values()].reduce((n, t) => n + t.length, 0)} imports`)
  for (const c of found) console.log(`circle: ${c.join(' ⇄ ')}`)
  for (const u of upward) console.log(`upward import: ${u}`)
  for (const d of direct) console.log(`route reaches the database (call a service): ${d}`)
  console.log(`${found.length} circles, ${upward.length} upward imports, ${direct.length} routes reaching the database`)
  process.exit(found.length || upward.length || direct.length ? 1 : 0)
}
