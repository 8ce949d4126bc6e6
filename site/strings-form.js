// strings-form.js: the words of the Sign view's form behaviour, beside
// strings.js: the published test key offered for RSA, the example menu's
// Undo, and the comparison with an example once its result is out of date.
//
// Owns: those words only.
// Must never: touch the DOM, import other modules, hold user input, or
// quote a value the user typed.

export const formText = Object.freeze({
  testKey: {
    button: 'Use the published test key',
    hint: 'The oauth.net RSA test key: public, for learning only. Never sign anything real with it.',
  },
  example: {
    loaded: (label) => `Loaded the example "${label}".`,
    undo: 'Undo',
    undoLabel: 'Undo: put back what you had typed before the example was loaded',
    undone: 'Put back what you had typed before the example was loaded.',
  },
  // Replaces a preset check's "✓ matches" while the result it judged is dimmed.
  staleVerdict: 'out of date: fix the error to compare again',
});
