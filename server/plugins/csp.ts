// Nuxt puts a small inline script in each page (window.__NUXT__ config). Instead of allowing
// 'unsafe-inline' for scripts, each rendered page's CSP lists the sha256 of its inline scripts.
import { createHash } from 'node:crypto'
import { loadConfig } from '../config'
import { inlineScripts, securityHeaders } from '../domain/http/request-guards'

export default defineNitroPlugin((nitroApp) => {
  const config = loadConfig()
  const production = config.env === 'production' || config.session.secureCookie === 'true'
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const parts = [...html.head, ...html.bodyPrepend, ...html.body, ...html.bodyAppend].join('\n')
    const hashes = [...new Set(inlineScripts(parts).map(s => `sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}`))]
    setResponseHeader(event, 'content-security-policy', securityHeaders({ production, scriptHashes: hashes })['content-security-policy']!)
  })
})
