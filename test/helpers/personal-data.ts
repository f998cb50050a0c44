// "Personal data is absent" checks on the actual values: every string (and number) in a response,
// a row or a log is compared with the whole personal values a test sent. A substring test on a
// JSON dump proves little (random ids, ciphertexts and timestamps hold digit runs by chance: a
// UUID containing "139" once failed a run), so short ASCII values are refused as evidence.

const MIN_ASCII = 6

function assertWhole(secret: string): void {
  // Chinese names are 2+ characters that no id, key or timestamp can contain; ASCII values must be
  // whole values (a phone, an ID number, a password), never a prefix such as '139'.
  const ascii = /^[\x20-\x7e]*$/.test(secret)
  if (!secret || (ascii && secret.length < MIN_ASCII)) {
    throw new Error(`personal-data check: "${secret}" is too short to prove anything; pass the whole value`)
  }
}

/** The places (`$.items[0].phone`) where any of `secrets` appears in `value`'s strings or numbers. */
export function personalValuesIn(value: unknown, secrets: readonly string[]): string[] {
  for (const s of secrets) assertWhole(s)
  const found: string[] = []
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') {
      const text = String(v)
      for (const s of secrets) if (text.includes(s)) found.push(`${path} holds ${JSON.stringify(s)}`)
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`))
    } else if (v instanceof Date) {
      // a timestamp is never personal data
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        walk(k, `${path}{key ${k}}`)
        walk(x, `${path}.${k}`)
      }
    }
  }
  walk(value, '$')
  return found
}
