// Legal-aid screening and the hardship standards behind it.
import { defineErrors } from './types'

export const eligibilityErrors = defineErrors({
  STANDARD_ID_TAKEN: { status: 409, message: '该版本编号已存在，请换一个编号' },
  STANDARD_OVERLAP: { status: 409, message: '新版本与同一县（市、区）、同一城乡类别的已有版本有效期重叠：请先确认已有版本的失效日期' },
})
