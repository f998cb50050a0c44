/**
 * Personal-information detectors for published case text (以案释法).
 * Published cases never carry names, ID numbers, addresses or phone numbers;
 * the editor's publish guard and the seed-content tests call `findPii`.
 *
 * ID numbers are always handled as strings (an 18-character 身份证号 may end in `X`,
 * and leading zeros / precision would be lost as a number).
 */

export type PiiKind = 'id_number' | 'phone' | 'landline' | 'email' | 'name'

export interface PiiFinding {
  kind: PiiKind
  /** UTF-16 index of the match in the original text. */
  index: number
  /** Length of the match in the original text. */
  length: number
}

/** GB 11643-1999 weights for the first 17 digits. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK_CHARS = '10X98765432'

/** First two digits (province-level code) of a mainland resident ID number. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
])

/**
 * Maps fullwidth digits/letters/signs to ASCII one character for one character,
 * so indices in the normalised string equal indices in the original.
 */
export function toHalfwidth(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0)
    else if (code === 0x3000) out += ' '
    else out += ch
  }
  return out
}

function isPlausibleBirthDate(year: number, month: number, day: number, now: Date): boolean {
  if (year < 1900) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false
  return date.getTime() <= now.getTime()
}

/** The GB 11643 MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('ID_NUMBER_BODY_INVALID')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!
  return ID_CHECK_CHARS[sum % 11]!
}

/**
 * True for a well-formed mainland resident ID number:
 * - 18 characters: valid province code, plausible birth date (1900..today), MOD 11-2 check
 *   character (`X` accepted in either case);
 * - 15 digits (old style, before 1999): valid province code and plausible 19YYMMDD birth date
 *   (the old format has no check digit).
 * Fullwidth digits are accepted. Non-strings are rejected: ID numbers are never numbers.
 */
export function isValidChineseIdNumber(s: string, now: Date = new Date()): boolean {
  if (typeof s !== 'string') return false
  const v = toHalfwidth(s.trim()).toUpperCase()
  if (/^\d{17}[\dX]$/.test(v)) {
    if (!PROVINCE_CODES.has(v.slice(0, 2))) return false
    if (!isPlausibleBirthDate(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)), now)) return false
    return idNumberCheckChar(v.slice(0, 17)) === v[17]
  }
  if (/^\d{15}$/.test(v)) {
    if (!PROVINCE_CODES.has(v.slice(0, 2))) return false
    return isPlausibleBirthDate(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12)), now)
  }
  return false
}

// 18-digit (optionally grouped 6-8-4 with single spaces) or 15-digit runs not touching other digits.
const ID_CANDIDATE = /(?<![\dA-Za-z])(\d{6} ?\d{8} ?\d{3}[\dXx]|\d{15})(?![\dA-Za-z])/g
// Mainland mobile: optional +86 / 0086 / 86 prefix, 11 digits starting 1[3-9], spaces or dashes allowed.
const MOBILE = /(?<![\d+])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g
// Landline with area code: 0951-1234567, (0951) 1234567, 0951 12345678, +86 951 1234567.
const LANDLINE = /(?<![\d+])(?:(?:\+|00)86[\s-]?[1-9]\d{1,2}|[(（]0\d{2,3}[)）]|0\d{2,3})[\s-]?[2-9]\d{2,3}[\s-]?\d{4}(?!\d)/g
// Starts only where a run of local-part characters starts: scanning from inside a long run again and
// again made a long digit string quadratic (100k characters took over a minute).
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g

/** Common surnames (single character). Compound surnames are listed separately. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文']
/** Characters that never form a given name in anonymised legal prose (某, 甲乙丙丁, function words). */
const NOT_GIVEN_NAME = '某甲乙丙丁戊等人们方家均都也与和及向在因于诉称说的是了不对被将把已未年月日时岁名位个次元所处为以从自'
/** Words after which a person's name would follow in case prose. */
const ROLE_WORDS = [
  '原告', '被告', '上诉人', '被上诉人', '申请人', '被申请人', '当事人', '犯罪嫌疑人', '被告人', '被害人', '受害人',
  '第三人', '证人', '代理人', '律师', '法官', '检察官', '职工', '员工', '工人', '老人', '丈夫', '妻子', '儿子',
  '女儿', '母亲', '父亲', '孙子', '孙女', '儿媳', '女婿', '姓名', '名叫', '叫做',
].sort((a, b) => b.length - a.length)
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const NAME_AFTER_ROLE = new RegExp(
  `(?:${ROLE_WORDS.map(escapeRe).join('|')})[：:\\s]*((?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])[^\\s${NOT_GIVEN_NAME}\\p{P}\\da-zA-Z]{1,2})(?=[\\s\\p{P}]|$)`,
  'gu',
)
const NAME_WITH_HONORIFIC = new RegExp(
  `((?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])[^\\s${NOT_GIVEN_NAME}\\p{P}\\da-zA-Z]{1,2})(?:先生|女士|同志|老师|师傅)`,
  'gu',
)

function pushMatches(out: PiiFinding[], kind: PiiKind, re: RegExp, text: string, accept: (m: RegExpExecArray) => boolean = () => true, group = 0): void {
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!accept(m)) continue
    const matched = m[group]!
    const index = group === 0 ? m.index : m.index + m[0].indexOf(matched)
    out.push({ kind, index, length: matched.length })
  }
}

/**
 * Finds personal information in free text: valid resident ID numbers (18-digit with checksum,
 * or 15-digit old style), mainland mobile numbers (with +86, spaces or dashes), landlines with
 * area code, e-mail addresses and real-looking full names (a surname plus given name after a role
 * word such as 原告/老人/丈夫, or before 先生/女士). Anonymised forms (张某, 李某某, 王某甲, 韩先生)
 * are not reported. Fullwidth digits are handled. Results are sorted by index; overlaps are removed.
 */
export function findPii(text: string, now: Date = new Date()): PiiFinding[] {
  const t = toHalfwidth(text)
  const found: PiiFinding[] = []
  pushMatches(found, 'id_number', ID_CANDIDATE, t, m => isValidChineseIdNumber(m[1]!.replace(/ /g, ''), now), 1)
  pushMatches(found, 'phone', MOBILE, t)
  pushMatches(found, 'landline', LANDLINE, t)
  pushMatches(found, 'email', EMAIL, t)
  pushMatches(found, 'name', NAME_AFTER_ROLE, t, () => true, 1)
  pushMatches(found, 'name', NAME_WITH_HONORIFIC, t, () => true, 1)
  found.sort((a, b) => a.index - b.index || b.length - a.length)
  const result: PiiFinding[] = []
  let end = -1
  for (const f of found) {
    if (f.index < end) continue
    result.push(f)
    end = f.index + f.length
  }
  return result
}
