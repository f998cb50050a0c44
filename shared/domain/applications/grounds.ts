// Statutory grounds a reviewer picks from (法律援助法第四十四条、第四十八条), shared by the console and the API schema.

/** 第四十四条第一款: grounds for aid before the decision. */
export const PROVISIONAL_GROUNDS = {
  1: '距法定时效或者期限届满不足七日，需要及时提起诉讼或者申请仲裁、行政复议',
  2: '需要立即申请财产保全、证据保全或者先予执行',
  3: '法律、法规、规章规定的其他情形',
} as const
export type ProvisionalGround = keyof typeof PROVISIONAL_GROUNDS

/** 第四十八条第一款: grounds on which the centre SHALL terminate legal aid. */
export const TERMINATION_GROUNDS = {
  1: '受援人以欺骗或者其他不正当手段获得法律援助',
  2: '受援人故意隐瞒与案件有关的重要事实或者提供虚假证据',
  3: '受援人利用法律援助从事违法活动',
  4: '受援人的经济状况发生变化，不再符合法律援助条件',
  5: '案件终止审理或者已经被撤销',
  6: '受援人自行委托律师或者其他代理人',
  7: '受援人有正当理由要求终止法律援助',
  8: '法律法规规定的其他情形',
} as const
export type TerminationGround = keyof typeof TERMINATION_GROUNDS
