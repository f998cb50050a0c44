// One explained case that passes the editor's schema and personal-data guard (a wage-arrears story
// citing 保障农民工工资支付条例 art. 30 of the priority corpus), for the case service's integration
// test and the editor routes' API test; each gives its own title, source and 常见问法.
import type { CreateCaseBody } from '../../shared/schemas/case-editor'

export function caseDraft(slug: string, own: Pick<CreateCaseBody, 'title' | 'source' | 'commonQuestions'>): CreateCaseBody {
  return {
    slug, title: own.title, category: '劳动争议', groups: ['migrant_worker'], region: '兴庆区', date: '2024-05-01',
    source: own.source,
    facts: '李某在兴庆区某工地干了八个月活，包工头一直拖着不结账，年底说老板跑了，李某和工友们不知道去哪里讨要。这是一段足够长的测试案情文字。',
    question: '包工头跑了，工资找谁要？', outcome: '经劳动保障监察部门督促，总承包单位先行清偿了拖欠的工资。',
    explanation: '根据《保障农民工工资支付条例》，分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再依法进行追偿。'.repeat(3),
    nextSteps: ['保存好考勤记录、工资条和聊天记录。', '向劳动保障监察部门投诉或申请劳动仲裁，也可拨打12348。'],
    statuteIds: ['Lef955985f1-a0030'], commonQuestions: own.commonQuestions,
    summary: '包工头跑路，总承包单位要先行清偿农民工工资。',
  }
}
