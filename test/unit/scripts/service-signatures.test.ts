// The one way to write a service: every use case a server/domain/<area>/service.ts exports is
// verbNoun(deps, input?, actor?) — checked on the real code, and the checker itself on planted files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { offConvention, serviceFiles, serviceFunctions, signatureFindings } from '../../../scripts/service-signatures'

const root = join(import.meta.dirname, '../../..')

// Parsing every service and its siblings takes a few seconds on a loaded machine.
describe('server/domain/*/service.ts signatures', { timeout: 30_000 }, () => {
  it('reads the real services, re-exports included', () => {
    const files = serviceFiles(root).map(f => f.slice(root.length + 1))
    expect(files).toContain('server/domain/legal-aid/service.ts')
    const appointments = serviceFunctions(root, join(root, 'server/domain/appointments/service.ts')).map(s => s.name)
    expect(appointments).toEqual(expect.arrayContaining(['staffDayView', 'recordOutcomeInTransaction', 'revealCallbackPhone', 'joinWaitlist', 'cancelByProof']))
  })
  it('has every use case on verbNoun(deps, input, actor?), apart from the listed NOT_YET ones (and none of those converted but still listed)', () => {
    expect(signatureFindings(root)).toEqual({ violations: [], stale: [] })
  })
})

describe('the checker itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'service-signatures-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }

  it('finds the actor before the input, an ipHash or tx of its own, extra parameters, and follows re-exports', () => {
    write('server/domain/things/rules.ts', `export async function hideThing(deps: ThingDeps, actor: ActorRef, id: string, ipHash: string) {}
export const moveThing = async (tx: Tx, deps: ThingDeps, input: { id: string }, actor: ActorRef) => {}
export function countThings(deps: Pick<ThingDeps, 'db'>, input: {}, ipHash: string | null) {}`)
    write('server/domain/things/service.ts', `export { hideThing, moveThing as shiftThing, countThings } from './rules'
export type { ThingDeps } from './deps'
export async function viewThing(deps: ThingDeps, input: { id: string }, actor?: ActorRef) {}
export async function listThings(deps: ThingDeps) {}
export async function openThing(deps: ThingDeps, actor: SessionActor) {}
export async function saveThing(deps: ThingDeps & { tx?: DbOrTx }, input: { id: string }, by: AuditActor) {}
export function housekeep(db: DbOrTx, now: Date) {}
export const THING_GONE = () => new DomainError('THING_GONE')
export function toThingDto(row: ThingRow) { return row }`)
    expect(offConvention(dir).map(v => v.text)).toEqual([
      'server/domain/things/service.ts: hideThing(deps, actor, id, ipHash) — takes 4 parameters (deps, input, actor at most)',
      'server/domain/things/service.ts: shiftThing(tx, deps, input, actor) — first parameter `tx: Tx` is not the deps (a …Deps type)',
      'server/domain/things/service.ts: countThings(deps, input, ipHash) — takes `ipHash` as a parameter of its own (put it in deps)',
      'server/domain/things/service.ts: openThing(deps, actor) — second parameter `actor` is an actor (the input comes before the actor)',
      'server/domain/things/service.ts: housekeep(db, now) — first parameter `db: DbOrTx` is not the deps (a …Deps type)',
    ])
  })
})
