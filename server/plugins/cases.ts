// Case library: database constraints the API reports as clear conflicts.
export default defineNitroPlugin(() => {
  registerConstraintCode('cases_slug_key', 'SLUG_TAKEN')
  registerConstraintCode('lexicon_entries_pkey', 'LEXICON_ID_TAKEN')
  registerConstraintCode('case_statutes_statute_id_statutes_id_fk', 'UNKNOWN_STATUTE')
})
