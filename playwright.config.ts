import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3210)
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'e2e-data-'))
export const E2E_PASSWORD = 'E2e-Passw0rd-demo'
const NOJS_SPECS = /nojs\.spec\.ts$/

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: NOJS_SPECS },
    // The main journeys with JavaScript switched off (issue 14): questionnaire, application, status
    // look-up, staff login — every form a real POST answered with a 303. Any *nojs*.spec.ts runs here.
    { name: 'nojs', use: { ...devices['Desktop Chrome'], channel: undefined, javaScriptEnabled: false, viewport: { width: 360, height: 740 } }, testMatch: NOJS_SPECS },
  ],
  webServer: {
    command: `node ${process.env.PORTAL_OUTPUT_DIR ?? '.output'}/server/index.mjs`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      NUXT_DATA_DIR: dataDir,
      NUXT_SEED_DEMO_PASSWORD: E2E_PASSWORD,
      NUXT_SEED_STATUTES: process.env.NUXT_SEED_STATUTES ?? 'priority',
      NUXT_DATABASE_URL: '',
      DATABASE_URL: '',
      // Texts to residents go to an SMS webhook: appointments-rating.spec.ts runs the receiver and reads
      // the rating link from the text itself (while nobody listens, the outbox retries as it would in life).
      NUXT_APPOINTMENTS_NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${process.env.E2E_SMS_PORT ?? port + 1}/sms`,
    },
  },
})
