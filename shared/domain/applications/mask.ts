/**
 * Masks for personal values: what staff lists and pages show by default.
 *   ID number  640102199001011234 → 6401**********1234  (first 4, last 4)
 *   mobile     13812345678        → 138****5678
 *   landline   09511234567        → 0951****567
 *   name       张三丰              → 张**   (surname only)
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length)
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4)
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length)
  if (phone.startsWith('0')) return phone.slice(0, 4) + '****' + phone.slice(-3)
  return phone.slice(0, 3) + '****' + phone.slice(-4)
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文']

export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  const keep = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1
  if (chars.length === 1) return chars[0] + '*'
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep))
}
