// nortc.js: takes WebRTC away from the page before any other module runs.
//
// Owns: deleting every WebRTC constructor from the global object
// (RTCPeerConnection, webkitRTCPeerConnection, RTCDataChannel,
// RTCSessionDescription, RTCIceCandidate and the rest of the RTC family).
// connect-src does not cover WebRTC: a peer connection sends STUN packets
// over UDP to any address it is given, so it is a channel out of the page
// that the CSP leaves open. The page has no use for it; this is defence in
// depth (docs/architecture.md, "Security rules"). It is the first import of
// guard.js (the full page's first module), app.js and strings.js (which
// every page's entry module imports first), so it runs before any other of
// the page's code.
// Must never: import anything (it must run first), touch the DOM, or log.

const NAMES = /^(?:webkit|moz)?RTC[A-Z]/;

for (const name of Object.getOwnPropertyNames(globalThis)) {
  if (!NAMES.test(name)) continue;
  // The constructors are configurable properties of the window; a
  // non-configurable one, if a browser has such, is at least emptied.
  if (!delete globalThis[name]) {
    try {
      globalThis[name] = undefined;
    } catch {
      // nothing more a script can do
    }
  }
}
