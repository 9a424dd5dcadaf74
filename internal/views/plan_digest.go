package views

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// A saved plan (plan -out) carries "digest": "sha256:…" over its canonical
// content: the JSON value without the digest, re-encoded with object keys
// sorted, no insignificant space and numbers as written. apply and show
// refuse a file whose digest is missing or does not match, so an edit to
// the body (a service's values, a deleted finding) is caught however the
// file is re-indented. The digest is not a signature: it catches edits
// and damage, not a forger who recomputes it, which is why apply also
// plans the module again and compares (see PlanMatches).

// PlanDigestField is the saved plan's digest field.
const PlanDigestField = "digest"

// SealPlan returns plan JSON with its digest added as the last field.
func SealPlan(js []byte) ([]byte, error) {
	sum, err := planDigest(js)
	if err != nil {
		return nil, err
	}
	body := bytes.TrimRight(js, " \t\r\n")
	if len(body) == 0 || body[len(body)-1] != '}' {
		return nil, errors.New("the plan is not a JSON object")
	}
	var b bytes.Buffer
	b.Grow(len(js) + 96)
	head := bytes.TrimRight(body[:len(body)-1], " \t\r\n")
	b.Write(head)
	if !bytes.HasSuffix(head, []byte("{")) { // no comma after an empty object's brace
		b.WriteString(",")
	}
	fmt.Fprintf(&b, "\n  %q: %q\n}\n", PlanDigestField, sum)
	return b.Bytes(), nil
}

// CheckPlanDigest verifies a saved plan's digest; name is the file, for
// the error, which says what to do.
func CheckPlanDigest(name string, src []byte) error {
	var head map[string]json.RawMessage
	if err := json.Unmarshal(src, &head); err != nil {
		return fmt.Errorf("%s is not a saved plan: %v", name, err)
	}
	raw, ok := head[PlanDigestField]
	var recorded string
	if !ok || json.Unmarshal(raw, &recorded) != nil || !strings.HasPrefix(recorded, "sha256:") {
		return fmt.Errorf("the plan %s has no digest: it was not saved by this mrplan's plan -out, or its digest was removed. Plan again (mrplan plan -out %s)", name, name)
	}
	sum, err := planDigest(src)
	if err != nil {
		return fmt.Errorf("%s is not a saved plan: %v", name, err)
	}
	if sum != recorded {
		return fmt.Errorf("the plan %s was modified after it was saved: its content does not match its digest %s. mrplan does not show or apply an edited plan; plan again (mrplan plan -out %s)", name, recorded, name)
	}
	return nil
}

// planDigest is "sha256:" over the canonical content of js, without its
// digest field.
func planDigest(js []byte) (string, error) {
	v, err := decodeNumbers(js)
	if err != nil {
		return "", err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return "", errors.New("the plan is not a JSON object")
	}
	delete(obj, PlanDigestField)
	h := sha256.New()
	if err := writeCanonical(h, obj); err != nil {
		return "", err
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

func decodeNumbers(js []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	// Not dec.More: it reports false before a stray "}" or "]".
	if rest := bytes.TrimSpace(js[dec.InputOffset():]); len(rest) > 0 {
		return nil, errors.New("data after the JSON value")
	}
	return v, nil
}

type byteWriter interface {
	Write([]byte) (int, error)
}

// writeCanonical writes v with object keys sorted and no space. Strings
// are encoded by encoding/json (so with its escaping, the same on every
// machine); numbers keep their text.
func writeCanonical(w byteWriter, v any) error {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		w.Write([]byte{'{'})
		for i, k := range keys {
			if i > 0 {
				w.Write([]byte{','})
			}
			kb, _ := json.Marshal(k)
			w.Write(kb)
			w.Write([]byte{':'})
			if err := writeCanonical(w, x[k]); err != nil {
				return err
			}
		}
		w.Write([]byte{'}'})
	case []any:
		w.Write([]byte{'['})
		for i, e := range x {
			if i > 0 {
				w.Write([]byte{','})
			}
			if err := writeCanonical(w, e); err != nil {
				return err
			}
		}
		w.Write([]byte{']'})
	case json.Number:
		w.Write([]byte(x.String()))
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return err
		}
		w.Write(b)
	}
	return nil
}

// planSections are the parts of a plan that follow from the module, the
// catalogs and the check options alone, not from the baseline it was
// compared with: what apply plans again and compares.
var planSections = []string{"config_hash", "services", "data", "findings", "scenarios", "assumptions", "errored"}

// PlanMatches compares the decisions of a saved plan with those of a plan
// made now (both plan JSON) and returns "" when they agree, or else what
// differs first: "service.checkout", or a section ("findings").
func PlanMatches(saved, now []byte) (string, error) {
	a, err := decodeNumbers(saved)
	if err != nil {
		return "", err
	}
	b, err := decodeNumbers(now)
	if err != nil {
		return "", err
	}
	ao, _ := a.(map[string]any)
	bo, _ := b.(map[string]any)
	for _, sec := range planSections {
		x, y := ao[sec], bo[sec]
		if sec == "findings" {
			x, y = withoutNew(x), withoutNew(y)
		}
		if canonical(x) == canonical(y) {
			continue
		}
		if addr := firstDifferentAddress(x, y); addr != "" {
			return addr, nil
		}
		return sec, nil
	}
	return "", nil
}

func canonical(v any) string {
	var b bytes.Buffer
	_ = writeCanonical(&b, v)
	return b.String()
}

// withoutNew drops each finding's "new", which says how it compares with
// the baseline, not what the module produces, and keeps only the base name
// of the file its range is in: where the module is read from (a plan made
// in one directory, applied after the module moved) is not its content.
func withoutNew(v any) any {
	list, _ := v.([]any)
	out := make([]any, len(list))
	for i, e := range list {
		if m, ok := e.(map[string]any); ok {
			c := make(map[string]any, len(m))
			for k, v := range m {
				switch k {
				case "new":
				case "range":
					c[k] = withBaseName(v)
				default:
					c[k] = v
				}
			}
			e = c
		}
		out[i] = e
	}
	return out
}

// withBaseName is a finding's range with its filename cut to the base name.
func withBaseName(v any) any {
	r, ok := v.(map[string]any)
	if !ok {
		return v
	}
	c := make(map[string]any, len(r))
	for k, x := range r {
		if name, ok := x.(string); ok && k == "filename" {
			x = path.Base(filepath.ToSlash(name))
		}
		c[k] = x
	}
	return c
}

// firstDifferentAddress is the first "address" whose entry differs
// between two lists of plan entries, or is in one only.
func firstDifferentAddress(x, y any) string {
	index := func(v any) map[string]string {
		out := map[string]string{}
		list, _ := v.([]any)
		for _, e := range list {
			if m, ok := e.(map[string]any); ok {
				if a, ok := m["address"].(string); ok {
					out[a] = canonical(m)
				}
			}
		}
		return out
	}
	ix, iy := index(x), index(y)
	var addrs []string
	for a, s := range ix {
		if iy[a] != s {
			addrs = append(addrs, a)
		}
	}
	for a := range iy {
		if _, ok := ix[a]; !ok {
			addrs = append(addrs, a)
		}
	}
	sort.Strings(addrs)
	if len(addrs) == 0 {
		return ""
	}
	return addrs[0]
}
