package signer

import "strings"

// Stubs until SEMANTICS (Imported.SchemeGuessed, Verification.Warnings) and CATALOGUE (JudgeBaseString) land; CHECK
// removes this file then.

// JudgeBaseString is a stub of CATALOGUE's.
func JudgeBaseString(baseString string) (*Diagnosis, error) {
	return &Diagnosis{Correct: true, Expected: baseString, Diff: DiffBaseStrings(baseString, baseString)}, nil
}

func verificationWarnings(v *Verification) []Warning { return nil }

func schemeGuessed(im *Imported) bool {
	for _, u := range im.Unparsed {
		if strings.Contains(u, "assumed https") {
			return true
		}
	}
	return false
}
