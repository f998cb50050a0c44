// 受理编号: YCFY-<year>-<sequence, 6+ digits>-<5 random characters>. The sequence keeps it readable
// over the phone; the random part (32^5 ≈ 3.4 × 10^7) makes it unguessable enough, together with
// the phone number every look-up needs and the per-address/per-reference attempt limit.
import { randomInt } from 'node:crypto'
import { randomReferenceChars, type RandomInt } from '../platform/reference'

export function newReference(year: string, seq: number, random: RandomInt = randomInt): string {
  return `YCFY-${year}-${String(seq).padStart(6, '0')}-${randomReferenceChars(5, random)}`
}
