// `npm start`: builds the portal when the build is missing or older than the sources, then serves it
// on http://localhost:3000 (PORT to change) with the embedded defaults and demo data.
// Runs on the Node npm finds first: the bundled one (node_modules/.bin/node, Linux x64) or the system's.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { requireNodeVersion } from './node-version.mjs'

requireNodeVersion()

const root = new URL('..', import.meta.url).pathname
const entry = join(root, '.output/server/index.mjs')

/** @param {string} path @returns {number} the newest modification time below `path` (0: missing) */
function newestMtime(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    max = Math.max(max, newestMtime(join(path, name)))
  }
  return max
}

const sources = ['app', 'server', 'shared', 'public', 'nuxt.config.ts', 'package-lock.json'].map(p => newestMtime(join(root, p)))
const built = existsSync(entry) ? statSync(entry).mtimeMs : 0
if (!built || Math.max(...sources) > built) {
  console.log('正在构建（首次约需 30 秒）…')
  const r = spawnSync(process.execPath, [join(root, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const child = spawn(process.execPath, [entry], { cwd: root, stdio: 'inherit', env: { PORT: '3000', ...process.env } })
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(sig, () => child.kill(sig))
child.on('exit', code => process.exit(code ?? 0))
