package pagegen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// Request is a request as the JS API's oauth1.sign takes it: the
// vectors' own request type, so a preset and the vector it names cannot
// read the same JSON differently. Preset params may also be
// [name, value, where] (see [FormRequest]).
type Request = signertest.Request

// A Preset is one entry of the preset menu, resolved: the shape
// site/presets.js exports (id, group, label, source, request, params,
// expect, published, computed, differsByDesign, vector).
type Preset struct {
	ID              string         `json:"id"`
	Group           string         `json:"group"`
	Label           string         `json:"label"`
	Source          string         `json:"source"`
	Request         Request        `json:"request"`
	Params          [][]string     `json:"params,omitempty"`
	Expect          map[string]any `json:"expect"`
	Published       string         `json:"published,omitempty"`
	Computed        bool           `json:"computed,omitempty"`
	DiffersByDesign bool           `json:"differsByDesign,omitempty"`
	Vector          string         `json:"vector,omitempty"`
}

// entry is one preset as site/presets.json writes it: a vector preset
// names its vector; the others carry source, request, params and expect,
// and may take a vector's credentials (credentialsFrom: consumer key,
// token and both secrets) or private key (privateKeyFrom).
type entry struct {
	ID              string         `json:"id"`
	Group           string         `json:"group"`
	Label           string         `json:"label"`
	Vector          string         `json:"vector"`
	Computed        bool           `json:"computed"`
	DiffersByDesign bool           `json:"differsByDesign"`
	Source          string         `json:"source"`
	Expect          map[string]any `json:"expect"`
	Request         *Request       `json:"request"`
	Params          [][]string     `json:"params"`
	CredentialsFrom string         `json:"credentialsFrom"`
	PrivateKeyFrom  string         `json:"privateKeyFrom"`
}

// vector is one published vector, with the fields a preset takes.
type vector = signertest.Vector

// groups are the menu's groups, in order (site/presets.js groups).
var groups = []string{"x", "rfc", "oauthnet", "bodyhash", "services"}

// expectKeys are the want keys of a vector a preset compares with.
var expectKeys = []string{"signature", "baseStringURI", "bodyHash"}

// LoadPresets reads the preset menu (site/presets.json) and resolves each
// entry against the vectors file (signer/signertest/testdata/vectors.json).
// It refuses a file the page could not use: no presets, a repeated or
// empty id, an unknown group or vector, a vector preset with a request of
// its own, an entry without a request or source, a parameter row that is
// not [name, value] or [name, value, "query" | "body"], or an unknown
// field anywhere.
func LoadPresets(presetsJSON, vectorsJSON []byte) ([]Preset, error) {
	var vf struct {
		Vectors []vector `json:"vectors"`
	}
	if err := json.Unmarshal(vectorsJSON, &vf); err != nil {
		return nil, fmt.Errorf("vectors: %w", err)
	}
	byName := map[string]vector{}
	for _, v := range vf.Vectors {
		byName[v.Name] = v
	}
	var pf struct {
		About   string  `json:"about"`
		Presets []entry `json:"presets"`
	}
	dec := json.NewDecoder(bytes.NewReader(presetsJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pf); err != nil {
		return nil, fmt.Errorf("presets: %w", err)
	}
	if len(pf.Presets) == 0 {
		return nil, errors.New("presets: none")
	}
	seen := map[string]bool{}
	out := make([]Preset, 0, len(pf.Presets))
	for i, e := range pf.Presets {
		if e.ID == "" || seen[e.ID] {
			return nil, fmt.Errorf("presets: entry %d: empty or repeated id %q", i, e.ID)
		}
		seen[e.ID] = true
		p, err := resolve(e, byName)
		if err != nil {
			return nil, fmt.Errorf("presets: %q: %w", e.ID, err)
		}
		out = append(out, p)
	}
	return out, nil
}

func resolve(e entry, byName map[string]vector) (Preset, error) {
	if !slices.Contains(groups, e.Group) {
		return Preset{}, fmt.Errorf("unknown group %q", e.Group)
	}
	if e.Label == "" {
		return Preset{}, errors.New("no label")
	}
	p := Preset{ID: e.ID, Group: e.Group, Label: e.Label, Computed: e.Computed, DiffersByDesign: e.DiffersByDesign, Expect: map[string]any{}}
	if e.Vector != "" {
		v, ok := byName[e.Vector]
		if !ok {
			return Preset{}, fmt.Errorf("no vector named %q", e.Vector)
		}
		if e.Request != nil || e.Params != nil || e.Source != "" || e.Expect != nil || e.CredentialsFrom != "" || e.PrivateKeyFrom != "" {
			return Preset{}, errors.New("a vector preset takes its request, source and expect from the vector")
		}
		p.Vector, p.Source, p.Published, p.Request = v.Name, v.Source, v.Published, v.Request
		p.Request.Params = slices.Clone(v.Request.Params)
		for _, k := range expectKeys {
			if w := v.Want[k]; w != "" {
				p.Expect[k] = w
			}
		}
		return p, checkParams(p.Request.Params)
	}
	if e.Request == nil || e.Source == "" {
		return Preset{}, errors.New("no request or no source")
	}
	p.Source, p.Request, p.Params = e.Source, *e.Request, e.Params
	if e.Expect != nil {
		p.Expect = e.Expect
	}
	if e.CredentialsFrom != "" {
		v, ok := byName[e.CredentialsFrom]
		if !ok {
			return Preset{}, fmt.Errorf("credentialsFrom: no vector named %q", e.CredentialsFrom)
		}
		p.Request.ConsumerKey, p.Request.ConsumerSecret = v.Request.ConsumerKey, v.Request.ConsumerSecret
		p.Request.Token, p.Request.TokenSecret = v.Request.Token, v.Request.TokenSecret
	}
	if e.PrivateKeyFrom != "" {
		v, ok := byName[e.PrivateKeyFrom]
		if !ok || v.Request.PrivateKey == "" {
			return Preset{}, fmt.Errorf("privateKeyFrom: no vector named %q with a private key", e.PrivateKeyFrom)
		}
		p.Request.PrivateKey = v.Request.PrivateKey
	}
	if err := checkParams(p.Request.Params); err != nil {
		return Preset{}, err
	}
	return p, checkParams(p.Params)
}

func checkParams(rows [][]string) error {
	for _, row := range rows {
		if len(row) < 2 || len(row) > 3 || (len(row) == 3 && row[2] != "query" && row[2] != "body") {
			return fmt.Errorf("parameter row %q is not [name, value] or [name, value, \"query\" | \"body\"]", row)
		}
	}
	return nil
}
