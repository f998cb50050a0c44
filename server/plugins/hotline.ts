// A unique-index violation on a callback place (the last line of defence) reads as WINDOW_FULL.
export default defineNitroPlugin(() => {
  registerConstraintCode('callbacks_window_slot_key', 'WINDOW_FULL')
})
