package signer

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestJSONObjectFields(t *testing.T) {
	tests := []struct {
		in   string
		want []Param
		ok   bool
	}{
		{`{"text":"hello world"}`, []Param{{"text", "hello world", SourceBody}}, true},
		{` { "a" : 1 , "b":true,"c":null, "d":[1,{"x":"]"}], "e":{"f":"g"} } `,
			[]Param{{"a", "1", SourceBody}, {"b", "true", SourceBody}, {"c", "null", SourceBody}, {"d", `[1,{"x":"]"}]`, SourceBody}, {"e", `{"f":"g"}`, SourceBody}}, true},
		{`{"esc":"a\"b\\c\/d\n\u00e9\ud83d\ude00"}`, []Param{{"esc", "a\"b\\c/d\né😀", SourceBody}}, true},
		{`{}`, nil, true},
		{`[1]`, nil, false},
		{`{"a":1,}`, nil, false},
		{`{"a" 1}`, nil, false},
		{`{"a":"x"} junk`, nil, false},
		{`{"a":"unterminated}`, nil, false},
		{`{"a":}`, nil, false},
		{``, nil, false},
	}
	for _, tc := range tests {
		got, ok := jsonObjectFields(tc.in)
		assert.Equal(t, tc.ok, ok, "jsonObjectFields(%q)", tc.in)
		if tc.ok {
			assert.Equal(t, tc.want, got, "jsonObjectFields(%q)", tc.in)
		}
	}
}

// FuzzJSONObjectFields checks the scanner never panics, and that the string
// fields of any object it accepts are what encoding/json decodes.
func FuzzJSONObjectFields(f *testing.F) {
	for _, s := range []string{`{"text":"hello"}`, `{"a":[1,{"b":"]"}],"c":"\u00e9"}`, `{"a":"\ud800"}`, `{`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fields, ok := jsonObjectFields(s)
		if !ok {
			return
		}
		var obj map[string]any
		if err := json.Unmarshal([]byte(s), &obj); err != nil {
			t.Fatalf("accepted %q, which encoding/json rejects: %v", s, err)
		}
		for _, f := range fields {
			if want, isString := obj[f.Name].(string); isString && countName(fields, f.Name) == 1 && want != f.Value {
				t.Fatalf("field %q = %q, encoding/json says %q", f.Name, f.Value, want)
			}
		}
	})
}

func countName(ps []Param, name string) int {
	n := 0
	for _, p := range ps {
		if p.Name == name {
			n++
		}
	}
	return n
}
