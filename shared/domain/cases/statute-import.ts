// What an editor is told after importing a new version of a law: the same sentence whether the
// page sent the file itself (JSON route) or the plain form did (multipart, no JavaScript).
import type { ImportLawVersionResult } from '../../types/statutes'

export function importedLawNotice(r: ImportLawVersionResult): string {
  return `已导入《${r.lawTitle}》${r.articles} 条${r.superseded ? `；旧版本《${r.superseded.lawTitle}》已标记为被取代` : ''}。`
}
