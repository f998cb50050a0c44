// Every server-rendered page: no X-Powered-By, and compressed (brotli, else gzip) when the browser
// accepts it. Static assets are precompressed at build time (nitro.compressPublicAssets).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Pages smaller than this go as they are (compression would not pay for its header). */
const MIN_BYTES = 1024

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response, { event }) => {
    if (response.headers) delete response.headers['x-powered-by']
    event.node.res.removeHeader('x-powered-by')
    // The HTML error page is fetched internally by Nuxt's error handler, which reads it as text.
    if (event.path.startsWith('/__nuxt_error') || getRequestHeader(event, 'x-nuxt-error')) return
    const body = response.body
    if (typeof body !== 'string' || Buffer.byteLength(body) < MIN_BYTES) return
    const accept = getRequestHeader(event, 'accept-encoding') ?? ''
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null
    const headers = (response.headers ??= {})
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding'
    if (!encoding) return
    response.body = encoding === 'br'
      // quality 5: close to the best ratio for HTML at a small fraction of the CPU of quality 11
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 6 })
    headers['content-encoding'] = encoding
  })
})
