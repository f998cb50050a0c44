// 受理编号: YCFY-<year>-<sequence, 6+ digits>-<5 random characters>. The sequence keeps it readable
// over the phone; the random part (32^5 ≈ 3.4 × 10^7) makes it unguessable enough, together with
// the phone number every look-up needs and the per-address/per-reference attempt limit.
import { randomInt } from 'node:crypto'

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ' // no 0/O, 1/I

export function newReference(year: string, seq: number, random: (max: number) => number = randomInt): string {
  let suffix = ''
  for (let i = 0; i < 5; i++) suffix += ALPHABET[random(ALPHABET.length)]
  return `YCFY-${year}-${String(seq).padStart(6, '0')}-${suffix}`
}
