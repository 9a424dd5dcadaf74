package observe

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/netip"
)

// maxLine is the longest resolver log line read; a longer one is skipped.
const maxLine = 1 << 20

// resolverLine is the part of a Route 53 Resolver query log record that
// discovery uses. Field names are those of the log format:
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs-format.html
type resolverLine struct {
	name, timestamp, vpc, region, srcaddr, instance, rcode string
	private                                                bool
}

func (c *Collector) readResolver(name string, br *bufio.Reader, fs *fileState) error {
	var rec resolverLine
	sc := &scanner{}
	for {
		line, err := readLine(br)
		if len(line) > 0 || err == nil {
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
			if err == io.EOF {
				return nil, errLongLine
			}
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
			rec.name, err = sc.str()
		case "query_timestamp":
			rec.timestamp, err = sc.str()
		case "vpc_id":
			rec.vpc, err = sc.str()
		case "region":
			rec.region, err = sc.str()
		case "srcaddr":
			rec.srcaddr, err = sc.str()
		case "rcode":
			rec.rcode, err = sc.str()
		case "srcids":
			if sc.i < len(sc.b) && sc.b[sc.i] == '{' {
				return sc.object(func(k []byte) error {
					if string(k) == "instance" {
						rec.instance, err = sc.str()
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
	if rec.name == "" {
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
		v, err := sc.str()
		if err == nil && !rec.private {
			if ip, perr := netip.ParseAddr(v); perr == nil && (ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast()) {
				rec.private = true
			}
		}
		return err
	})
}

func (c *Collector) addQuery(file string, rec *resolverLine) {
	switch rec.rcode {
	case "", "NOERROR":
	default:
		c.ignored++ // a failed lookup (search-domain noise, a typo) is no call
		return
	}
	k := queryKey{Source{VPC: rec.vpc, Instance: rec.instance, Addr: rec.srcaddr, Region: rec.region}, trimHost(rec.name)}
	if k.name == "" {
		c.ignored++
		return
	}
	q := c.queries[k]
	if q == nil {
		q = &Query{Source: k.src, Name: k.name}
		c.queries[k] = q
	}
	q.Calls++
	if rec.private {
		q.PrivateAnswer = true
	}
	if t := parseTime(rec.timestamp); !t.IsZero() {
		if q.First.IsZero() || t.Before(q.First) {
			q.First = t
		}
		if t.After(q.Last) {
			q.Last = t
		}
	}
	if len(q.Files) == 0 || q.Files[len(q.Files)-1] != file {
		q.Files = addFile(q.Files, file)
	}
}
