// The structure drawn from server/'s own imports: no circles, and nothing in the domain and below
// importing the Nitro glue (api, utils, plugins, middleware) or the composition root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { circles, importGraph, layerOf, routeDatabaseImports, upwardImports, type Graph } from '../../../scripts/import-graph'

const root = join(import.meta.dirname, '../../..')

describe('server/ import graph', () => {
  const graph = importGraph(root)
  it('reads the real imports', () => {
    expect(graph.size).toBeGreaterThan(100)
    expect(graph.get('server/utils/app.ts')).toContain('server/app-context.ts')
  })
  it('has no circles', () => {
    expect(circles(graph)).toEqual([])
  })
  it('has no import from a lower layer up to a higher one', () => {
    expect(upwardImports(graph)).toEqual([])
  })
  it('has no route that reaches the database itself (routes call services only)', () => {
    expect(routeDatabaseImports(root, graph)).toEqual([])
  })
})

describe('the checker itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-graph-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }

  it('finds a circle, a self-import and an upward import, through relative and ~~ imports', () => {
    write('server/domain/a.ts', `import { b } from './b'\nexport const a = 1`)
    write('server/domain/b.ts', `import type { A } from '~~/server/domain/a'\nexport const b = 2`)
    write('server/domain/self.ts', `export * from './self'`)
    write('server/repositories/r.ts', `import { x } from '../utils/x'\nimport { a } from '../domain/a'`)
    write('server/utils/x.ts', `import { r } from '../repositories/r'\nexport const x = 1`)
    const g = importGraph(dir)
    const byFirst = (c: string[][]) => [...c].sort((p, q) => p[0]!.localeCompare(q[0]!))
    expect(byFirst(circles(g))).toEqual([
      ['server/domain/a.ts', 'server/domain/b.ts'],
      ['server/domain/self.ts'],
      ['server/repositories/r.ts', 'server/utils/x.ts'],
    ])
    expect(upwardImports(g)).toEqual(['server/repositories/r.ts → server/utils/x.ts'])
  })

  it('finds a route importing a repository, server/db or drizzle-orm, and lets a route import a service', () => {
    write('server/repositories/things.ts', `export const findThing = 1`)
    write('server/db/schema/things.ts', `export const things = 1`)
    write('server/domain/things/service.ts', `import { findThing } from '../../repositories/things'\nexport const viewThing = findThing`)
    write('server/api/things/[id].get.ts', `import { findThing } from '~~/server/repositories/things'`)
    write('server/api/things/index.get.ts', `import { sql } from 'drizzle-orm'\nimport type { things } from '../../db/schema/things'`)
    write('server/routes/forms/thing.post.ts', `import { viewThing } from '~~/server/domain/things/service'`)
    expect(routeDatabaseImports(dir, importGraph(dir))).toEqual([
      'server/api/things/[id].get.ts → server/repositories/things.ts',
      'server/api/things/index.get.ts → drizzle-orm',
      'server/api/things/index.get.ts → server/db/schema/things.ts',
    ])
  })

  it('ranks the layers', () => {
    expect(layerOf('server/api/x.get.ts')).toBe(3)
    expect(layerOf('server/plugins/a.ts')).toBe(3)
    expect(layerOf('server/app-context.ts')).toBe(2)
    expect(layerOf('server/seed/index.ts')).toBe(1)
    expect(layerOf('shared/errors/index.ts')).toBeUndefined()
    const g: Graph = new Map([['server/seed/x.ts', ['server/app-context.ts']], ['server/app-context.ts', ['server/seed/x.ts']]])
    expect(upwardImports(g)).toEqual(['server/seed/x.ts → server/app-context.ts'])
    expect(circles(g)).toHaveLength(1)
  })
})
