// schedule.js: coalescing bursts of input into one run per animation frame,
// for the Sign view, the Verify view and the embed.
//
// Owns: timing only. Must never: touch the DOM, log, store, or see inputs.

// coalesce returns a schedule function: however often it is called before
// the next frame, run runs once, in that frame. The timeout is a fallback
// for when animation frames are paused (hidden tabs, background frames).
export function coalesce(run) {
  let pending = false;
  const flush = () => {
    if (!pending) return;
    pending = false;
    run();
  };
  return function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(flush);
    setTimeout(flush, 100);
  };
}
