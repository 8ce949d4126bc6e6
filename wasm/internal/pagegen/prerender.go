package pagegen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
)

// PrerenderIDs are the nodes of index.html the prerender renders into: the
// ids site/signing.js signingUi finds (prerender.mjs fails when it uses
// one that is not here) and the steps placeholder the boot hides.
var PrerenderIDs = []string{
	"status", "general-error", "result", "preset-check", "request-card", "steps",
	"slot-signature", "slot-baseString", "slot-authorization", "slot-chosen", "chosen-label", "chosen-item",
	"steps-placeholder",
}

// prerenderNode is one node as prerender.mjs reads and answers it.
type prerenderNode struct {
	ID    string      `json:"id"`
	Tag   string      `json:"tag,omitempty"`
	Attrs [][2]string `json:"attrs"`
	HTML  *string     `json:"html,omitempty"`
	After string      `json:"after"`
}

// signWarnings is the list render.js puts after the status line.
var signWarnings = regexp.MustCompile(`^\s*<ul\b[^<>]*\sdata-testid="sign-warnings"[^<>]*>`)

// Prerender writes into page (index.html), in place, the worked example as
// the page's boot renders it before the signer runs: node runs script
// (wasm/internal/pagegen/prerender.mjs) on siteDir, whose presets-data.js
// must be current, with the PrerenderIDs nodes as page has them; each
// node's start tag becomes the answer's attributes, its content the
// answer's HTML when the render wrote it, and what the render put after
// it (the status line's warnings list) follows it, replacing the last
// run's. The same page and site give the same bytes, prerendered or not.
func Prerender(page, siteDir, script string) (string, error) {
	var in struct {
		Nodes []prerenderNode `json:"nodes"`
	}
	elements := map[string]element{}
	for _, id := range PrerenderIDs {
		e, err := findByID(page, id)
		if err != nil {
			return "", fmt.Errorf("prerender: %w", err)
		}
		elements[id] = e
		attrs := e.attrs
		if attrs == nil {
			attrs = [][2]string{}
		}
		in.Nodes = append(in.Nodes, prerenderNode{ID: id, Tag: e.tag, Attrs: attrs})
	}
	input, err := json.Marshal(in)
	if err != nil {
		return "", err
	}
	cmd := exec.Command("node", script, siteDir)
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("prerender: node %s: %v\n%s", script, err, stderr.String())
	}
	var out struct {
		Nodes []prerenderNode `json:"nodes"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return "", fmt.Errorf("prerender: reading node's answer: %w", err)
	}
	var edits []edit
	for _, n := range out.Nodes {
		e, ok := elements[n.ID]
		if !ok {
			return "", fmt.Errorf("prerender: node answered for unknown id %q", n.ID)
		}
		delete(elements, n.ID)
		e.attrs = n.Attrs
		edits = append(edits, edit{e.start, e.openEnd, e.startTag()})
		if n.HTML != nil {
			if voidTags[e.tag] {
				return "", fmt.Errorf("prerender: #%s is a <%s> and cannot hold content", n.ID, e.tag)
			}
			edits = append(edits, edit{e.openEnd, e.closeStart, *n.HTML})
		}
		// What follows: the last run's list is replaced, else inserted.
		at, stop := e.end, e.end
		if m := signWarnings.FindStringIndex(page[e.end:]); m != nil {
			ul, err := elementAt(page, e.end+strings.IndexByte(page[e.end:], '<'))
			if err != nil {
				return "", err
			}
			at, stop = ul.start, ul.end
		}
		switch {
		case at != stop:
			edits = append(edits, edit{at, stop, n.After})
		case n.After != "":
			edits = append(edits, edit{at, stop, "\n  " + n.After})
		}
	}
	if len(elements) > 0 {
		return "", fmt.Errorf("prerender: node gave no answer for %d nodes", len(elements))
	}
	return applyEdits(page, edits)
}
