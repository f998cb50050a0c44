// Case library: database constraints the API reports as clear conflicts.
export default defineNitroPlugin(() => {
  registerConstraintCode('cases_slug_key', 'SLUG_TAKEN', '这个网址标识已被其他案例使用')
  registerConstraintCode('lexicon_entries_pkey', 'LEXICON_ID_TAKEN', '这个词条编号已存在')
  registerConstraintCode('case_statutes_statute_id_statutes_id_fk', 'UNKNOWN_STATUTE', '引用的法条不存在，请检查法条编号')
})
