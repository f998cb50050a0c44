// The case library: cases, statutes, lexicon, search filters.
import { defineErrors } from './types'

export const casesErrors = defineErrors({
  CASE_NOT_FOUND: { status: 404, message: '没有找到这个案例' },
  CASE_VERSION_CONFLICT: { status: 409, message: '案例已被其他人修改，请刷新后再编辑' },
  CASE_ALREADY_PUBLISHED: { status: 409, message: '案例已经发布' },
  CASE_NOT_PUBLISHED: { status: 409, message: '案例当前没有发布' },
  PII_DETECTED: { status: 400, message: '内容中含有身份证号、电话等个人信息，请删除或匿名化后再发布' },
  UNKNOWN_STATUTE: { status: 400, message: '引用的法条不存在，请检查法条编号' },
  SLUG_TAKEN: { status: 409, message: '这个网址标识已被其他案例使用' },
  STATUTE_NOT_FOUND: { status: 404, message: '没有找到这条法条' },
  LEXICON_NOT_FOUND: { status: 404, message: '没有找到这个词条' },
  LEXICON_NOT_DRAFT: { status: 409, message: '这个词条已经审核过了' },
  LEXICON_ID_TAKEN: { status: 409, message: '这个词条编号已存在' },
  INVALID_FILTER: { status: 400, message: '筛选条件不在可选范围内' },
  LAW_NOT_FOUND: { status: 404, message: '没有找到这部法律（请检查法律编号）' },
  LAW_SUCCESSOR_SELF: { status: 400, message: '取代它的法律不能是它自己' },
  LAW_SUCCESSOR_NOT_FOUND: { status: 400, message: '没有找到取代它的法律；请先导入新版本的条文' },
  IMPORT_ID_TAKEN: { status: 409, message: '文件中的法条编号已属于另一部法律' },
  IMPORT_EMPTY: { status: 400, message: '文件里没有法条' },
  IMPORT_TOO_LARGE: { status: 400, message: '一次导入的法条太多' },
  IMPORT_INVALID: { status: 400, message: '文件中有格式不正确的行' },
  IMPORT_DUPLICATE_ID: { status: 400, message: '文件中有重复的法条编号' },
  IMPORT_MIXED_LAWS: { status: 400, message: '一个文件只能包含同一部法律（同一个 law_id）的条文' },
})
