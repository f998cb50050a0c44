// The portal's configuration: one zod schema, validated once at start-up.
// This is the only module that reads environment variables.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', ''])])
  .transform(v => v === true || v === 'true' || v === '1')

const optionalUrl = (what: string) => z.string().trim()
  .refine(v => v === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(v), { message: `${what} 必须是完整的 URL（如 postgres://… 或 http://…）` })
  .default('')

export const configSchema = z.object({
  env: z.enum(['development', 'production', 'test']).default('development'),
  dataDir: z.string().min(1).default('.data'),
  /** Key files of the embedded defaults (personal-data key, Meilisearch master key); '' = <dataDir>/keys. */
  keysDir: z.string().default(''),
  /** Statutes, typical cases and known questions: the repository's data/ folder unless set. */
  sharedDataDir: z.string().min(1).default('data'),
  database: z.object({
    url: optionalUrl('DATABASE_URL'),
    /**
     * The owner role that runs the migrations (DDL); '' = the same connection as `url`. With it,
     * `url`'s role gets only the table privileges the app needs (server/db/roles.ts).
     */
    migrationUrl: optionalUrl('DATABASE_MIGRATION_URL'),
    poolMax: z.coerce.number().int().min(1).max(200).default(10),
  }),
  meilisearch: z.object({
    host: optionalUrl('MEILISEARCH_HOST'),
    apiKey: z.string().default(''),
    indexPrefix: z.string().regex(/^[A-Za-z0-9_-]*$/, '索引前缀只能包含字母、数字、- 和 _').default(''),
    binary: z.string().default(''),
  }),
  session: z.object({
    idleMinutes: z.coerce.number().int().min(1).max(24 * 60).default(30),
    absoluteHours: z.coerce.number().int().min(1).max(72).default(12),
    secureCookie: z.enum(['auto', 'true', 'false']).default('auto'),
  }),
  crypto: z.object({
    /** base64 of 32 bytes; empty = generated and kept under the data folder (embedded default). */
    key: z.string().default('')
      .refine(v => v === '' || Buffer.from(v, 'base64').length === 32, { message: 'CRYPTO_KEY 必须是 32 字节的 base64 编码' }),
  }),
  seed: z.object({
    demo: bool.default(true),
    /** Fixed password for the demo staff accounts (tests); empty = random, printed once. */
    demoPassword: z.string().default(''),
    /** Statute corpus loaded at first start: the default national corpus, only priority laws, or none. */
    statutes: z.enum(['default', 'priority', 'none']).default('default'),
  }),
  worker: z.object({
    enabled: bool.default(true),
    intervalMs: z.coerce.number().int().min(50).max(60_000).default(500),
  }),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For: false/0 = none (the
   * socket address is the client), true = 1, or a number of hops. See server/utils/net.ts.
   */
  trustProxy: z.preprocess(
    v => (v === true || v === 'true' ? 1 : v === false || v === 'false' || v === '' ? 0 : v),
    z.coerce.number({ error: 'NUXT_TRUST_PROXY 应为 false、true 或受信任的代理层数（0-10）' })
      .int('NUXT_TRUST_PROXY 应为 false、true 或受信任的代理层数（0-10）')
      .min(0, 'NUXT_TRUST_PROXY 应为 false、true 或受信任的代理层数（0-10）')
      .max(10, 'NUXT_TRUST_PROXY 应为 false、true 或受信任的代理层数（0-10）'),
  ).default(0),
  allowedOrigins: z.string().default(''),
  /** Booking (issue 9): anti-hoarding limits, waitlist hold, texts to residents. */
  appointments: z.object({
    perAddressPerHour: z.coerce.number().int().min(1).max(100_000).default(10),
    perPhoneActive: z.coerce.number().int().min(1).max(100).default(3),
    holdMinutes: z.coerce.number().int().min(5).max(24 * 60).default(120),
    /** Origin put in front of links in texts (e.g. https://12348.yinchuan.gov.cn); empty = relative links. */
    siteUrl: optionalUrl('NUXT_APPOINTMENTS_SITE_URL'),
    /** SMS gateway webhook; empty = the logging sender (logs no personal data). */
    notifyWebhookUrl: optionalUrl('NUXT_APPOINTMENTS_NOTIFY_WEBHOOK_URL'),
  }).default({ perAddressPerHour: 10, perPhoneActive: 3, holdMinutes: 120, siteUrl: '', notifyWebhookUrl: '' }),
})

export type AppConfig = z.infer<typeof configSchema>
type Env = Record<string, string | undefined>

/** Builds the raw configuration from environment variables (NUXT_* names, plus the usual aliases). */
export function rawConfigFromEnv(env: Env): unknown {
  const pick = (...names: string[]) => {
    for (const n of names) if (env[n] !== undefined && env[n] !== '') return env[n]
    return undefined
  }
  return {
    env: pick('NUXT_ENV', 'NODE_ENV') === 'production' ? 'production' : pick('NODE_ENV') === 'test' ? 'test' : 'development',
    dataDir: pick('NUXT_DATA_DIR', 'DATA_DIR'),
    keysDir: pick('NUXT_KEYS_DIR'),
    sharedDataDir: pick('NUXT_SHARED_DATA_DIR', 'SHARED_DATA_DIR'),
    database: {
      url: pick('NUXT_DATABASE_URL', 'DATABASE_URL'),
      migrationUrl: pick('NUXT_DATABASE_MIGRATION_URL', 'DATABASE_MIGRATION_URL'),
      poolMax: pick('NUXT_DATABASE_POOL_MAX'),
    },
    meilisearch: {
      host: pick('NUXT_MEILISEARCH_HOST', 'MEILI_HOST', 'MEILISEARCH_HOST'),
      apiKey: pick('NUXT_MEILISEARCH_API_KEY', 'MEILI_MASTER_KEY', 'MEILISEARCH_API_KEY'),
      indexPrefix: pick('NUXT_MEILISEARCH_INDEX_PREFIX'),
      binary: pick('NUXT_MEILISEARCH_BINARY', 'MEILI_BIN'),
    },
    session: {
      idleMinutes: pick('NUXT_SESSION_IDLE_MINUTES'),
      absoluteHours: pick('NUXT_SESSION_ABSOLUTE_HOURS'),
      secureCookie: pick('NUXT_SESSION_SECURE_COOKIE'),
    },
    crypto: { key: pick('NUXT_CRYPTO_KEY', 'CRYPTO_KEY') },
    seed: {
      demo: pick('NUXT_SEED_DEMO'),
      demoPassword: pick('NUXT_SEED_DEMO_PASSWORD'),
      statutes: pick('NUXT_SEED_STATUTES'),
    },
    worker: {
      enabled: pick('NUXT_WORKER_ENABLED'),
      intervalMs: pick('NUXT_WORKER_INTERVAL_MS'),
    },
    trustProxy: pick('NUXT_TRUST_PROXY'),
    allowedOrigins: pick('NUXT_ALLOWED_ORIGINS'),
    appointments: {
      perAddressPerHour: pick('NUXT_APPOINTMENTS_PER_ADDRESS_PER_HOUR'),
      perPhoneActive: pick('NUXT_APPOINTMENTS_PER_PHONE_ACTIVE'),
      holdMinutes: pick('NUXT_APPOINTMENTS_HOLD_MINUTES'),
      siteUrl: pick('NUXT_APPOINTMENTS_SITE_URL'),
      notifyWebhookUrl: pick('NUXT_APPOINTMENTS_NOTIFY_WEBHOOK_URL'),
    },
  }
}

export class ConfigError extends Error {}

/** Validates configuration; on failure throws one clear line naming the setting. */
export function parseConfig(raw: unknown): AppConfig {
  const res = configSchema.safeParse(stripUndefined(raw))
  if (!res.success) {
    const first = res.error.issues[0]!
    const path = first.path.join('.')
    throw new ConfigError(`配置错误：${path} — ${first.message}`)
  }
  const cfg = res.data
  if (cfg.database.migrationUrl && !cfg.database.url) {
    throw new ConfigError('配置错误：database.migrationUrl — DATABASE_MIGRATION_URL 只能与 DATABASE_URL 一起使用（嵌入式数据库不区分角色）')
  }
  cfg.dataDir = resolve(cfg.dataDir)
  cfg.keysDir = resolve(cfg.keysDir || join(cfg.dataDir, 'keys'))
  cfg.sharedDataDir = resolve(cfg.sharedDataDir)
  return cfg
}

/**
 * The dataset files the start-up seed and the background import read from `sharedDataDir`
 * (each may also be stored gzip-compressed as `name.gz`, as the repository's data/ folder does).
 */
export function sharedDataFiles(sharedDataDir: string): string[] {
  return ['statutes/statutes_priority.jsonl', 'statutes/statutes.jsonl.gz', 'cases/typical_cases.jsonl', 'eval/stard_train.jsonl']
    .map(f => join(sharedDataDir, f))
}

/** Stops before anything is seeded when the datasets are not where the setting says. */
export function requireSharedData(cfg: Pick<AppConfig, 'sharedDataDir'>): void {
  const missing = sharedDataFiles(cfg.sharedDataDir).find(f => !existsSync(f) && !existsSync(`${f}.gz`))
  if (missing) throw new ConfigError(`配置错误：NUXT_SHARED_DATA_DIR — 找不到数据集文件 ${missing}（项目自带的数据在 data/ 目录；若设置了 NUXT_SHARED_DATA_DIR / SHARED_DATA_DIR，请确认该目录与 data/ 的结构相同）`)
}

export function loadConfig(env: Env = process.env): AppConfig {
  return parseConfig(rawConfigFromEnv(env))
}

function stripUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripUndefined)
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, val] of Object.entries(v)) if (val !== undefined) out[k] = stripUndefined(val)
    return out
  }
  return v
}
