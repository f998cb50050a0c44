// findPii on long free text (hotline summaries, booking notes): time against length, to show it
// grows linearly. npx tsx bench/pii.ts
import { findPii } from '../shared/domain/cases/pii'

const cases: Array<[string, (n: number) => string]> = [
  ['digits', n => '1'.repeat(n)],
  ['letters', n => 'a'.repeat(n)],
  ['prose with phones and e-mails', n => '电话13800138000，邮箱 a.b@c.com，'.repeat(Math.ceil(n / 28)).slice(0, n)],
]
for (const [label, make] of cases) {
  const row: string[] = []
  for (const n of [10_000, 20_000, 40_000, 100_000]) {
    const text = make(n)
    const t0 = performance.now()
    findPii(text)
    row.push(`${n / 1000}k ${(performance.now() - t0).toFixed(1)} ms`)
  }
  console.log(`${label.padEnd(30)} ${row.join('  ')}`)
}
