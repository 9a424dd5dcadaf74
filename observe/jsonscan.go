package observe

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// scanner is a small JSON reader over one line, for the resolver log's hot
// path: it visits an object's keys and decodes only the string values asked
// for, skipping the rest without building anything. encoding/json decodes
// a resolver line about three times slower.
type scanner struct {
	b     []byte
	i     int
	depth int
}

// maxDepth bounds nesting, so that a line of ten thousand brackets is a
// syntax error and not a deep recursion.
const maxDepth = 64

var errSyntax = errors.New("not valid JSON")

func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// object calls field for each key of the object at the cursor; field must
// consume the value (with str, skip or a nested object).
func (s *scanner) object(field func(key []byte) error) error {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return errSyntax
	}
	s.i++
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		return nil
	}
	for {
		s.ws()
		key, err := s.rawString()
		if err != nil {
			return err
		}
		s.ws()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return errSyntax
		}
		s.i++
		s.ws()
		if err := field(key); err != nil {
			return err
		}
		s.ws()
		if s.i >= len(s.b) {
			return errSyntax
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil
		default:
			return errSyntax
		}
	}
}

// array calls elem for each element of the array at the cursor.
func (s *scanner) array(elem func() error) error {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '[' {
		return errSyntax
	}
	s.i++
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		return nil
	}
	for {
		s.ws()
		if err := elem(); err != nil {
			return err
		}
		s.ws()
		if s.i >= len(s.b) {
			return errSyntax
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case ']':
			s.i++
			return nil
		default:
			return errSyntax
		}
	}
}

// rawString returns the bytes of the string at the cursor, escapes and all,
// without its quotes.
func (s *scanner) rawString() ([]byte, error) {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return nil, errSyntax
	}
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			s.i = j + 1
			return s.b[start:j], nil
		case c == '\\':
			j++
		case c < 0x20:
			return nil, errSyntax
		}
	}
	return nil, errSyntax
}

// bytes decodes the string at the cursor without a copy: its bytes inside
// the line when it has no escapes (valid until the line is reused), else a
// decoded copy. A null, a number or any other value that is not a string is
// empty: logs of mixed versions differ in types.
func (s *scanner) bytes() ([]byte, error) {
	if s.i < len(s.b) && s.b[s.i] != '"' {
		return nil, s.skip()
	}
	start := s.i
	raw, err := s.rawString()
	if err != nil {
		return nil, err
	}
	for _, c := range raw {
		if c == '\\' || c >= utf8.RuneSelf {
			v, err := strconv.Unquote(string(s.b[start:s.i]))
			if err != nil {
				return nil, errSyntax
			}
			return []byte(v), nil
		}
	}
	return raw, nil
}

// skip passes over the value at the cursor.
func (s *scanner) skip() error {
	s.ws()
	if s.i >= len(s.b) {
		return errSyntax
	}
	switch c := s.b[s.i]; {
	case c == '"':
		_, err := s.rawString()
		return err
	case c == '{', c == '[':
		if s.depth++; s.depth > maxDepth {
			return errSyntax
		}
		defer func() { s.depth-- }()
		if c == '{' {
			return s.object(func([]byte) error { return s.skip() })
		}
		return s.array(s.skip)
	default:
		start := s.i
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case ',', '}', ']', ' ', '\t', '\r', '\n':
				goto done
			}
			s.i++
		}
	done:
		lit := string(s.b[start:s.i])
		switch lit {
		case "true", "false", "null":
			return nil
		}
		if _, err := strconv.ParseFloat(lit, 64); err != nil {
			return errSyntax
		}
		return nil
	}
}

// end checks that nothing but space follows the value.
func (s *scanner) end() error {
	s.ws()
	if s.i != len(s.b) {
		return errSyntax
	}
	return nil
}
