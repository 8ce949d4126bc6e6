package signer

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMistakeStages checks that each mistake declares every pipeline stage
// its forms change (replaces or wraps) and, when it edits the request,
// stageRequest: the diagnosis skips pairs and shares prepared drafts on
// these declarations, so an undeclared change would hide a pair.
func TestMistakeStages(t *testing.T) {
	fields := map[string]stage{
		"protocol": stageProtocol, "collect": stageCollect, "encode": stageEncode, "encodeName": stageEncode,
		"encodeValue": stageEncode, "sortParams": stageSort, "method": stageMethod, "baseURI": stageBaseURI,
		"paramString": stageParamString, "signingKey": stageKey, "hash": stageHash, "bodyHash": stageBodyHash, "output": stageOutput,
		"readOutput": stageOutput,
	}
	def := reflect.ValueOf(defaultPipeline)
	typ := def.Type()
	for i := range typ.NumField() {
		if typ.Field(i).Type.Kind() == reflect.Func {
			_, ok := fields[typ.Field(i).Name]
			assert.True(t, ok, "pipeline.%s has no stage in this test", typ.Field(i).Name)
		}
	}
	requests := libraryRequests()
	withRealm := requests["x"]
	withRealm.Realm, withRealm.URL = "r", "HTTPS://API.X.COM/a%20b?x=1&x=2+3"
	requests["upper"] = withRealm
	for _, m := range catalogue() {
		declared := m.replaces | m.wraps
		for fi, form := range m.forms() {
			for name, r := range requests {
				rr, pl := r, defaultPipeline
				rr.Params = append([]Param(nil), r.Params...)
				form(&rr, &pl)
				got := reflect.ValueOf(pl)
				for i := range typ.NumField() {
					f := typ.Field(i)
					if f.Type.Kind() != reflect.Func {
						continue
					}
					if got.Field(i).Pointer() != def.Field(i).Pointer() {
						assert.NotZero(t, declared&fields[f.Name], "%s (form %d) changes pipeline.%s on %s without declaring it", m.ID, fi, f.Name, name)
					}
				}
				if !reflect.DeepEqual(rr, r) {
					assert.NotZero(t, m.wraps&stageRequest, "%s (form %d) edits the request on %s without declaring stageRequest", m.ID, fi, name)
				}
			}
		}
		if m.onlyAfterBaseString() {
			assert.Zero(t, declared&^stagesAfterBaseString, m.ID)
		}
	}
}
