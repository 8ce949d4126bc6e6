// signer-start.js: starts the page's signer the moment engine.js has
// arrived, not when app.js and its ~30 imports have run.
//
// Owns: the one early engine.start() of the full page. index.html loads it
// as an async module script, so it runs as soon as engine.js and
// strings.js are here and the main thread is free (in Chrome, after the
// page's first frame); the lite signer's import, the signer's request
// (not fetched and parsed during the first frame, which needed that CPU:
// index.html says how much), then starts beside the rest of the page's
// modules instead of after them. app.js's startEngine (signing.js)
// later gets the same start() promise, with its progress and its failure
// sentence.
// In a frame it does nothing: there guard.js decides first whether the
// page may run at all (inside another origin's frame it never starts the
// signer), and app.js starts it if so.
// Must never: touch the DOM, report anything itself (startEngine does), or
// run in embed.html (a read-only embed never loads the signer).

import { start } from './engine.js';

if (window.self === window.top) start().catch(() => {}); // startEngine (signing.js) reports a failure
