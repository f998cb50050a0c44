// A unique-index violation on an appointment place (the last line of defence) reads as SLOT_FULL.
export default defineNitroPlugin(() => {
  registerConstraintCode('appointments_slot_place_key', 'SLOT_FULL')
})
