// Waiting for start-up work with a bound. Framework-free.

/** True when `p` settles (either way) within `ms`; the timer does not keep the process alive. */
export async function settledWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<false>((r) => { timer = setTimeout(() => r(false), ms); timer.unref() })
  try {
    return await Promise.race([p.then(() => true as const, () => true as const), late])
  } finally {
    clearTimeout(timer)
  }
}
