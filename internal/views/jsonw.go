package views

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mrplan/mrplan/lang"
)

// jsonWriter streams a JSON document: values are appended to a buffer that
// is handed to the underlying writer in large chunks, so nothing but the
// current chunk is held in memory. Its output is byte for byte what
// encoding/json writes with SetEscapeHTML(false), indented by two spaces
// (or compact): strings escaped alike, invalid UTF-8 replaced, map keys the
// caller sorts.
//
// Errors are sticky: the first one from the underlying writer stops all
// output and is returned by flush.
type jsonWriter struct {
	w      io.Writer
	b      []byte
	indent bool
	// open holds, per open object or array, whether it has an element yet.
	open     []bool
	afterKey bool
	err      error
	scratch  bytes.Buffer // for raw values re-indented
}

const jsonChunk = 64 << 10

func newJSONWriter(w io.Writer, indent bool) *jsonWriter {
	return &jsonWriter{w: w, b: make([]byte, 0, jsonChunk+4096), indent: indent, open: make([]bool, 0, 16)}
}

// spill hands the buffer to the writer once a chunk is full.
func (w *jsonWriter) spill() {
	if len(w.b) >= jsonChunk {
		w.flushBuf()
	}
}

func (w *jsonWriter) flushBuf() {
	if w.err == nil && len(w.b) > 0 && w.w != nil {
		_, w.err = w.w.Write(w.b)
	}
	w.b = w.b[:0]
}

// flush writes what is left; it is the writer's first error, if any.
func (w *jsonWriter) flush() error {
	w.flushBuf()
	return w.err
}

// newline starts a line at the current depth.
func (w *jsonWriter) newline() {
	if n := 1 + 2*len(w.open); n <= len(newlineIndent) {
		w.b = append(w.b, newlineIndent[:n]...)
		return
	}
	w.b = append(w.b, '\n')
	for range len(w.open) {
		w.b = append(w.b, ' ', ' ')
	}
}

// newlineIndent starts a line at depths up to 31.
const newlineIndent = "\n                                                              "

// elem prepares for a value: after a key nothing, in a list a separator.
func (w *jsonWriter) elem() {
	if w.afterKey {
		w.afterKey = false
		return
	}
	n := len(w.open)
	if n == 0 {
		return
	}
	if w.open[n-1] {
		w.b = append(w.b, ',')
	}
	w.open[n-1] = true
	if w.indent {
		w.newline()
	}
}

func (w *jsonWriter) key(k string) {
	w.elem()
	w.b = appendJSONString(w.b, k)
	if w.indent {
		w.b = append(w.b, ':', ' ')
	} else {
		w.b = append(w.b, ':')
	}
	w.afterKey = true
}

func (w *jsonWriter) beginObject() { w.elem(); w.b = append(w.b, '{'); w.open = append(w.open, false) }
func (w *jsonWriter) beginArray()  { w.elem(); w.b = append(w.b, '['); w.open = append(w.open, false) }
func (w *jsonWriter) endObject()   { w.end('}') }
func (w *jsonWriter) endArray()    { w.end(']') }

func (w *jsonWriter) end(c byte) {
	n := len(w.open) - 1
	had := w.open[n]
	w.open = w.open[:n]
	if had && w.indent {
		w.newline()
	}
	w.b = append(w.b, c)
	w.spill()
}

func (w *jsonWriter) str(s string) {
	w.elem()
	w.b = appendJSONString(w.b, s)
}

// addr is an address as a string, "kind.name", without building it.
func (w *jsonWriter) addr(a lang.Address) {
	if strings.HasPrefix(a.Name, "module.") { // module.cell.service.db
		w.str(a.String())
		return
	}
	w.elem()
	w.b = append(w.b, '"')
	w.b = appendJSONChars(w.b, a.Kind.String())
	w.b = append(w.b, '.')
	w.b = appendJSONChars(w.b, a.Name)
	w.b = append(w.b, '"')
}

func (w *jsonWriter) int(i int) {
	w.elem()
	w.b = strconv.AppendInt(w.b, int64(i), 10)
}

// num writes a finite number the shortest way that reads back the same:
// 1, 2.5, 1200.
func (w *jsonWriter) num(f float64) {
	w.elem()
	w.b = strconv.AppendFloat(w.b, f, 'f', -1, 64)
}

func (w *jsonWriter) bool(v bool) {
	w.elem()
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jsonWriter) null() {
	w.elem()
	w.b = append(w.b, "null"...)
}

// strings is a list of strings, [] when empty.
func (w *jsonWriter) strings(xs []string) {
	w.beginArray()
	for _, x := range xs {
		w.str(x)
	}
	w.endArray()
}

// stringMap is an object with its keys sorted, as encoding/json writes a map.
func (w *jsonWriter) stringMap(m map[string]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.beginObject()
	for _, k := range keys {
		w.key(k)
		w.str(m[k])
	}
	w.endObject()
}

// raw writes a JSON value as encoding/json writes a json.RawMessage:
// reformatted to the writer's layout at the current depth.
func (w *jsonWriter) raw(r json.RawMessage) error {
	w.elem()
	w.scratch.Reset()
	var err error
	if w.indent {
		prefix := make([]byte, 0, 2*len(w.open))
		for range len(w.open) {
			prefix = append(prefix, ' ', ' ')
		}
		err = json.Indent(&w.scratch, bytes.TrimSpace(r), string(prefix), "  ")
	} else {
		err = json.Compact(&w.scratch, r)
	}
	if err != nil {
		return err
	}
	w.b = append(w.b, w.scratch.Bytes()...)
	w.spill()
	return nil
}

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes a JSON string holds as they are.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendJSONString appends s quoted as encoding/json quotes a string without
// HTML escaping: control characters, U+2028 and U+2029 escaped, each byte
// of invalid UTF-8 replaced by \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONChars(dst, s)
	return append(dst, '"')
}

// appendJSONChars is appendJSONString without the quotes.
func appendJSONChars(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				for i < len(s) && s[i] < utf8.RuneSelf && jsonSafe[s[i]] {
					i++
				}
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(dst, s[start:]...)
}

// jsonText is s as a JSON string reads back: each byte of invalid UTF-8
// replaced by U+FFFD, as encoding/json writes it.
func jsonText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}
