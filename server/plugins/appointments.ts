// A unique-index violation on an appointment place (the last line of defence) reads as SLOT_FULL.
export default defineNitroPlugin(() => {
  registerConstraintCode('appointments_slot_place_key', 'SLOT_FULL', '该时段已约满，请选择其他时间')
})
