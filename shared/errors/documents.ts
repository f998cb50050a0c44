// Documents applicants attach to a legal-aid application (photos or PDFs of 身份证明, 经济困难证明, 案件材料).
import { defineErrors } from './types'

export const documentsErrors = defineErrors({
  DOCUMENT_TOO_LARGE: { status: 413, message: '文件太大：每个文件不能超过 5 MB，请压缩或重新拍得小一些后再上传' },
  DOCUMENTS_TOTAL_TOO_LARGE: { status: 413, message: '这份申请的材料总大小已达上限（20 MB），其余材料请带到窗口递交' },
  DOCUMENTS_TOO_MANY: { status: 422, message: '这份申请最多上传 10 个文件，其余材料请带到窗口递交' },
  DOCUMENT_TYPE_REFUSED: { status: 415, message: '只能上传 JPG、PNG 照片或 PDF 文件：这个文件不是其中一种（不看文件名，看文件内容）' },
  DOCUMENT_EMPTY: { status: 422, message: '请选择要上传的文件' },
  DOCUMENT_KIND_INVALID: { status: 422, message: '请选择材料的类别' },
  DOCUMENT_FORM_INVALID: { status: 400, message: '上传的表单格式有误，请在页面上重新选择文件后上传' },
  DOCUMENT_UPLOAD_CLOSED: { status: 409, message: '这份申请已经作出决定或已撤回，不能再在网上上传材料；如需补充请拨打 12348' },
  DOCUMENT_OWNER_UNKNOWN: { status: 403, message: '请先查询您的申请（受理编号和电话），或在提交申请的同一浏览器中上传材料' },
  DOCUMENT_NOT_FOUND: { status: 404, message: '找不到该材料' },
})
