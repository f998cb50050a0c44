// `npm test`: lint, typecheck, build, then every vitest project (unit, integration, api) and the
// Playwright end-to-end suite. Prints one closing line "N passed, N failed, N skipped" summing all
// runners (lint and typecheck count as one check each). Exits non-zero on any failure or no tests.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { requireNodeVersion } from './node-version.mjs'

requireNodeVersion()

const root = new URL('..', import.meta.url).pathname
const bin = (/** @type {string} */ name) => join(root, 'node_modules/.bin', name)
mkdirSync(join(root, 'reports'), { recursive: true })
const only = process.argv.slice(2)
const want = (/** @type {string} */ step) => only.length === 0 || only.includes(step)

let passed = 0
let failed = 0
let skipped = 0
/** @type {string[]} */
const lines = []

/** @param {string} label @param {string} cmd @param {string[]} args @param {Record<string, string>} [env] */
function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd.split('/').pop()} ${args.join(' ')}`)
  const t0 = Date.now()
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const secs = ((Date.now() - t0) / 1000).toFixed(1)
  lines.push(`${label}: exit ${r.status} in ${secs}s`)
  return r.status === 0
}

/** @param {string} label @param {boolean} ok */
function check(label, ok) {
  if (ok) passed++
  else failed++
}

if (want('lint')) check('lint', run('lint', bin('eslint'), ['.']))
// Nuxt's projects (app, server, shared), then tests, scripts and benches (tsconfig.tools.json).
if (want('typecheck')) check('typecheck', run('typecheck', bin('nuxt'), ['typecheck']) && run('typecheck tools', bin('tsc'), ['-p', 'tsconfig.tools.json']))
if (want('build') || want('api') || want('e2e')) {
  const ok = run('build', bin('nuxt'), ['build'])
  check('build', ok)
  if (!ok) finish()
}

if (want('vitest') || want('unit') || want('integration') || want('api')) {
  const projects = ['unit', 'integration', 'api'].filter(p => want('vitest') || want(p) || only.length === 0)
  const out = join(root, 'reports/vitest.json')
  rmSync(out, { force: true })
  run('vitest', bin('vitest'), ['run', ...projects.flatMap(p => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'))
    passed += j.numPassedTests
    failed += j.numFailedTests + (j.numFailedTestSuites ?? 0)
    skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
    if (j.numTotalTests === 0) failed++
    lines.push(`vitest: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numFailedTestSuites} failed files`)
  } else {
    failed++
    lines.push('vitest: no report (runner crashed)')
  }
}

if (want('e2e')) {
  const out = join(root, 'reports/playwright.json')
  rmSync(out, { force: true })
  run('e2e', bin('playwright'), ['test'])
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats
    passed += s.expected + (s.flaky ?? 0)
    failed += s.unexpected
    skipped += s.skipped
    if (s.expected + s.unexpected + (s.flaky ?? 0) === 0) failed++
    lines.push(`playwright: ${s.expected} passed, ${s.unexpected} failed, ${s.flaky} flaky, ${s.skipped} skipped`)
  } else {
    failed++
    lines.push('playwright: no report (runner crashed)')
  }
}

finish()

function finish() {
  console.log('\n=== summary')
  for (const l of lines) console.log(`  ${l}`)
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
  process.exit(failed > 0 || passed === 0 ? 1 : 0)
}
