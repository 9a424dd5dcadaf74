package observe

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// maxLine is the longest resolver log line read; a longer one is skipped.
const maxLine = 1 << 20

// resolverLine is the part of a Route 53 Resolver query log record that
// discovery uses. Field names are those of the log format:
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs-format.html
// Its fields point into the line being read, so nothing is allocated for a
// line whose source and name were seen before.
type resolverLine struct {
	name, timestamp, vpc, region, srcaddr, instance, rcode []byte
	private                                                bool
}

func (c *Collector) readResolver(name string, br *bufio.Reader, fs *fileState) error {
	var rec resolverLine
	sc := &scanner{}
	for {
		line, err := readLine(br)
		if len(line) > 0 || err == nil || err == errLongLine {
			fs.line++
		}
		if err == errLongLine {
			fs.skip(fs.line, fmt.Sprintf("the line is longer than %d bytes", maxLine))
			continue
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if reason := parseResolverLine(sc, line, &rec); reason != "" {
				fs.skip(fs.line, reason)
			} else {
				fs.sum.Records++
				c.addQuery(name, &rec)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
	}
}

var errLongLine = fmt.Errorf("line too long")

// readLine returns the next line without its end; a line longer than
// maxLine is consumed and reported as errLongLine.
func readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		buf := append([]byte(nil), line...)
		for err == bufio.ErrBufferFull {
			line, err = br.ReadSlice('\n')
			if len(buf) <= maxLine {
				buf = append(buf, line...)
			}
		}
		if len(buf) > maxLine {
			return nil, errLongLine
		}
		line = buf
	}
	if err == nil {
		line = line[:len(line)-1]
	}
	return bytes.TrimSuffix(line, []byte("\r")), err
}

// parseResolverLine reads one log line into rec, or says why it cannot. A
// line exported from CloudWatch Logs may start with a timestamp before the
// JSON object.
func parseResolverLine(sc *scanner, line []byte, rec *resolverLine) string {
	if i := bytes.IndexByte(line, '{'); i > 0 {
		line = line[i:]
	} else if i < 0 {
		return "not a JSON object"
	}
	*rec = resolverLine{}
	sc.b, sc.i, sc.depth = line, 0, 0
	err := sc.object(func(key []byte) error {
		var err error
		switch string(key) {
		case "query_name":
			rec.name, err = sc.bytes()
		case "query_timestamp":
			rec.timestamp, err = sc.bytes()
		case "vpc_id":
			rec.vpc, err = sc.bytes()
		case "region":
			rec.region, err = sc.bytes()
		case "srcaddr":
			rec.srcaddr, err = sc.bytes()
		case "rcode":
			rec.rcode, err = sc.bytes()
		case "srcids":
			if sc.i < len(sc.b) && sc.b[sc.i] == '{' {
				return sc.object(func(k []byte) error {
					if string(k) == "instance" {
						rec.instance, err = sc.bytes()
						return err
					}
					return sc.skip()
				})
			}
			return sc.skip()
		case "answers":
			if sc.i < len(sc.b) && sc.b[sc.i] == '[' {
				return sc.array(func() error { return answer(sc, rec) })
			}
			return sc.skip()
		default:
			return sc.skip()
		}
		return err
	})
	if err == nil {
		err = sc.end()
	}
	if err != nil {
		return "not valid JSON (a truncated or corrupt line)"
	}
	if len(rec.name) == 0 {
		return "the record has no query_name"
	}
	return ""
}

// answer reads one element of answers; a private address marks the name internal.
func answer(sc *scanner, rec *resolverLine) error {
	if sc.i >= len(sc.b) || sc.b[sc.i] != '{' {
		return sc.skip()
	}
	return sc.object(func(k []byte) error {
		if string(k) != "Rdata" {
			return sc.skip()
		}
		v, err := sc.bytes()
		if err == nil && !rec.private {
			rec.private = privateAddr(v)
		}
		return err
	})
}

// privateAddr reports whether an answer is a private, loopback or
// link-local address (RFC 1918, RFC 4193), read from its bytes: the hot
// path of a resolver log has no room for an allocation per answer.
func privateAddr(v []byte) bool {
	if bytes.IndexByte(v, ':') >= 0 {
		if len(v) < 2 {
			return false
		}
		h := bytes.ToLower(v[:min(4, len(v))])
		return h[0] == 'f' && (h[1] == 'c' || h[1] == 'd') || bytes.HasPrefix(h, []byte("fe8")) || string(v) == "::1"
	}
	var oct [4]int
	n, i := 0, 0
	for _, c := range v {
		switch {
		case c >= '0' && c <= '9':
			oct[i] = oct[i]*10 + int(c-'0')
			n++
			if oct[i] > 255 {
				return false
			}
		case c == '.' && n > 0 && i < 3:
			i, n = i+1, 0
		default:
			return false
		}
	}
	if i != 3 || n == 0 {
		return false
	}
	switch {
	case oct[0] == 10, oct[0] == 127:
		return true
	case oct[0] == 172:
		return oct[1] >= 16 && oct[1] <= 31
	case oct[0] == 192:
		return oct[1] == 168
	case oct[0] == 169:
		return oct[1] == 254
	}
	return false
}

func (c *Collector) addQuery(file string, rec *resolverLine) {
	if len(rec.rcode) > 0 && string(rec.rcode) != "NOERROR" {
		c.ignored++ // a failed lookup (search-domain noise, a typo) is no call
		return
	}
	name := bytes.TrimSuffix(bytes.TrimSpace(rec.name), []byte("."))
	if len(name) == 0 {
		c.ignored++
		return
	}
	// The key is built in a reused buffer; the map lookup with string(key)
	// does not allocate, so a line seen before costs no allocation.
	k := c.keyBuf[:0]
	for _, part := range [][]byte{name, rec.vpc, rec.instance, rec.srcaddr, rec.region} {
		k = append(k, part...)
		k = append(k, 0)
	}
	c.keyBuf = k
	q := c.queries[string(k)]
	if q == nil {
		q = &Query{Source: Source{VPC: string(rec.vpc), Instance: string(rec.instance), Addr: string(rec.srcaddr), Region: string(rec.region)},
			Name: strings.ToLower(string(name))}
		c.queries[string(k)] = q
	}
	q.Calls++
	if rec.private {
		q.PrivateAnswer = true
	}
	if ts := rec.timestamp; len(ts) > 0 {
		// Timestamps of one log share a format, so they order as bytes;
		// only a new extreme is parsed.
		if q.firstRaw == "" || earlier(ts, q.firstRaw) {
			if t := parseTime(string(ts)); !t.IsZero() {
				q.First, q.firstRaw = t, string(ts)
			}
		}
		if q.lastRaw == "" || earlier(q.lastRaw, ts) {
			if t := parseTime(string(ts)); !t.IsZero() {
				q.Last, q.lastRaw = t, string(ts)
			}
		}
	}
	if len(q.Files) == 0 || q.Files[len(q.Files)-1] != file {
		q.Files = addFile(q.Files, file)
	}
}

// earlier compares two timestamps of the log: as bytes when they have the
// same shape, else parsed.
func earlier[A, B []byte | string](a A, b B) bool {
	if len(a) == len(b) {
		return string(a) < string(b)
	}
	return parseTime(string(a)).Before(parseTime(string(b)))
}
