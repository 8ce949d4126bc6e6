package signer

// A stub until CATALOGUE's JudgeBaseString lands; CHECK removes this file
// then.

// JudgeBaseString is a stub of CATALOGUE's.
func JudgeBaseString(baseString string) (*Diagnosis, error) {
	return &Diagnosis{Correct: true, Expected: baseString, Diff: DiffBaseStrings(baseString, baseString)}, nil
}
