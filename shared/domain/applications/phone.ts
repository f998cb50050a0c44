/**
 * Mainland phone numbers for applications: a mobile (11 digits, 1[3-9]…) or a landline with its
 * area code (0951-1234567). Stored canonical (digits only, landline `0951-1234567` → `09511234567`)
 * so the keyed look-up hash matches whichever way the person typed it.
 */
export type PhoneKind = 'mobile' | 'landline'

const MOBILE = /^1[3-9]\d{9}$/
/** Area code 0 + 2-3 digits, subscriber number 7-8 digits not starting with 0. */
const LANDLINE = /^0\d{2,3}[1-9]\d{6,7}$/

export const PHONE_MESSAGE = '请填写手机号（11 位）或带区号的固定电话（如 0951-1234567）'

/** Removes spaces, dashes, brackets and a +86 / 0086 prefix; fullwidth digits become halfwidth. */
export function canonicalPhone(raw: string): string {
  let v = raw
    .replace(/[\uFF10-\uFF19]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-()（）]/g, '')
  if (v.startsWith('+86')) v = v.slice(3)
  else if (v.startsWith('0086')) v = v.slice(4)
  // +86 951 1234567: international form drops the trunk 0 of landlines
  if (raw.trim().match(/^(\+|00)86/) && !MOBILE.test(v) && /^[2-9]\d{8,10}$/.test(v)) v = `0${v}`
  return v
}

export function phoneKind(canonical: string): PhoneKind | undefined {
  if (MOBILE.test(canonical)) return 'mobile'
  if (LANDLINE.test(canonical)) return 'landline'
  return undefined
}
