// Progress lines for long imports: count, rate and time left. Framework-free.

export interface Progress { done: number, total: number | null, skipped: number, elapsedMs: number, perSecond: number, etaMs: number | null }

export function progressOf(done: number, skipped: number, total: number | null, startedAt: number, now = Date.now()): Progress {
  const elapsedMs = Math.max(1, now - startedAt)
  const perSecond = (done / elapsedMs) * 1000
  const etaMs = total !== null && perSecond > 0 ? Math.max(0, ((total - done) / perSecond) * 1000) : null
  return { done, total, skipped, elapsedMs, perSecond, etaMs }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} 秒`
  const m = Math.floor(s / 60)
  return `${m} 分 ${s % 60} 秒`
}

export function formatProgress(label: string, p: Progress): string {
  const pct = p.total ? ` (${Math.min(100, (p.done / p.total) * 100).toFixed(1)}%)` : ''
  const eta = p.etaMs !== null ? `，预计剩余 ${formatDuration(p.etaMs)}` : ''
  const skipped = p.skipped ? `，其中 ${p.skipped} 条已存在跳过` : ''
  return `${label}: ${p.done}${p.total ? '/' + p.total : ''} 条${pct}，${Math.round(p.perSecond)} 条/秒，用时 ${formatDuration(p.elapsedMs)}${eta}${skipped}`
}
