// 提交新词条 without JavaScript (with it, the page posts JSON to /api/staff/lexicon): same schema,
// same service, then 303 back to the lexicon page.
import { createLexiconBody } from '#shared/schemas/case-editor'
import { lexiconFormToBody } from '#shared/domain/cases/lexicon-form'
import { proposeLexiconEntry } from '~~/server/domain/lexicon/service'

export default defineStaffFormHandler({ form: 'lexicon-propose', roles: ['editor', 'admin'], back: () => '/staff/lexicon' }, async ({ event, actor, fields }) => {
  const text = (k: string) => field(fields, k) ?? ''
  const body = createLexiconBody.parse(lexiconFormToBody({ id: text('id'), colloquial: text('colloquial'), legal: text('legal'), kind: field(fields, 'kind') ?? text('lex-kind'), domain: text('domain'), note: text('note') }))
  await proposeLexiconEntry(await lexiconDeps(event), body, actor)
  return { to: '/staff/lexicon', notice: `已提交“${body.id}”，等待审核。` }
})
