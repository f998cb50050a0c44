// Question types and article roles (round four's experiment, docs/search.md "rounds three and four"): what a
// question asks for and what an article is, by wording. Bench-only: shared by search-quality-experiments.ts and
// learn-ranker-extra.ts.
/** What an article is: an amount or a standard, a time limit, a procedure, a criminal penalty. */
export const ARTICLE_ROLES = {
  amount: /[一二两三四五六七八九十百千万0-9]+倍|标准|数额|金额|百分之|[0-9一二三四五六七八九十百千万]+元|计算|赔偿金|补偿金|费用/,
  time: /[0-9一二三四五六七八九十]+日内|[0-9一二三四五六七八九十]+个?月内?|[0-9一二三四五六七八九十]+年内?|期限|期间|时效|之日起|届满/,
  procedure: /申请|提出|起诉|诉讼|管辖|程序|登记|办理|复议|仲裁|受理|投诉|举报|提交/,
  penalty: /有期徒刑|拘役|管制|罚金|死刑|追究刑事责任|犯罪/,
} as const
/** What a question asks for. */
export const QUESTION_TYPES: Record<keyof typeof ARTICLE_ROLES, RegExp> = {
  amount: /赔多少|多少钱|赔偿标准|怎么赔|如何赔|怎么算|如何计算|怎样计算|多少|标准|几倍|赔偿金额|数额/,
  time: /多久|多长时间|期限|时效|多少天|几天|几年|几个月|什么时候|何时|多长/,
  procedure: /怎么办|去哪|哪里|如何申请|怎样申请|程序|流程|怎么起诉|如何起诉|找谁|哪个法院|向谁|如何处理|怎么处理|途径|维权/,
  penalty: /犯法|犯罪|判几年|坐牢|判刑|什么罪|构成.*罪|刑事责任|判多久/,
}
/** Two more kinds, measured only as learned features (learn-ranker-extra.ts): definitions and validity. */
export const MORE_ARTICLE_ROLES = {
  definition: /是指|所称|本法所称|是[^，。；]{2,30}的合同|包括下列/,
  validity: /无效|有效|效力|可撤销|撤销/,
} as const
export const MORE_QUESTION_TYPES: Record<keyof typeof MORE_ARTICLE_ROLES, RegExp> = {
  definition: /什么是|是什么|是指|含义|定义|哪些|包括什么|如何认定|怎么认定|算不算|属于/,
  validity: /有效吗|是否有效|有没有效|无效|效力|能撤销|可以撤销|算数吗|作数/,
}
/** Every kind: what the question asks for and what the article is. */
export const ALL_ROLES = { ...ARTICLE_ROLES, ...MORE_ARTICLE_ROLES }
export const ALL_TYPES: Record<keyof typeof ALL_ROLES, RegExp> = { ...QUESTION_TYPES, ...MORE_QUESTION_TYPES }
