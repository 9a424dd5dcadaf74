package observe

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mrplan/mrplan/fsguard"
)

// Format is the kind of an --observe file.
type Format int

const (
	FormatAuto         Format = iota // recognise from the content
	FormatResolver                   // Route 53 Resolver query logs, JSON lines
	FormatJaeger                     // Jaeger dependencies JSON
	FormatServiceGraph               // OpenTelemetry service-graph metrics, Prometheus text exposition
	FormatTerraform                  // terraform show -json, or a raw state file
)

var formatNames = []string{"auto", "resolver", "jaeger", "servicegraph", "terraform"}

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// FormatNames lists the words --observe-format accepts.
func FormatNames() []string { return append([]string(nil), formatNames...) }

// ParseFormat reads an --observe-format word.
func ParseFormat(s string) (Format, bool) {
	for i, n := range formatNames {
		if n == s {
			return Format(i), true
		}
	}
	return FormatAuto, false
}

// Collector reads --observe files one after another and aggregates what
// they show. It is not safe for concurrent use.
type Collector struct {
	queries   map[string]*Query // by name, VPC, instance, address and region
	keyBuf    []byte
	calls     map[[2]string]*TraceCall
	resources []*Resource
	skipped   []Skipped
	files     []FileSummary
	ignored   int64
}

// NewCollector returns an empty collector.
func NewCollector() *Collector {
	return &Collector{queries: map[string]*Query{}, calls: map[[2]string]*TraceCall{}}
}

// ReadFile reads one --observe file. Its name is used as given in skipped
// lines and sources. The error is for a file that cannot be opened, whose
// format cannot be told, or of which nothing could be read; lines that
// cannot be read are not errors but Skipped entries. Only a regular file
// (after symlinks) no larger than fsguard.MaxFileBytes is read: a FIFO, a
// device or a socket is refused without blocking, a *fsguard.RefusedError
// naming it.
func (c *Collector) ReadFile(name string, f Format) error {
	fh, err := fsguard.OpenRegularFile(name, fsguard.MaxFileBytes())
	if err != nil {
		if refused := (*fsguard.RefusedError)(nil); errors.As(err, &refused) {
			return err
		}
		if pe := (*os.PathError)(nil); errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot open %s: %w", name, err)
	}
	defer fh.Close()
	return c.Read(name, fh, f)
}

// Read is ReadFile over an open reader; name is the file's name.
func (c *Collector) Read(name string, r io.Reader, f Format) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: not a readable gzip file: %v", name, err)
		}
		tr := &trackingReader{r: zr}
		return c.readPlain(name, bufio.NewReaderSize(tr, 1<<16), f, tr)
	}
	return c.readPlain(name, br, f, nil)
}

// trackingReader remembers the error a gzip stream ended with, so that a
// truncated or corrupt tail is reported once, after the lines before it.
type trackingReader struct {
	r   io.Reader
	err error
}

func (t *trackingReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		t.err = err
		return n, io.EOF
	}
	return n, err
}

func (c *Collector) readPlain(name string, br *bufio.Reader, f Format, gz *trackingReader) error {
	if f == FormatAuto {
		head, _ := br.Peek(8192)
		f = Detect(head)
		if f == FormatAuto {
			if len(bytes.TrimSpace(head)) == 0 {
				if gz != nil && gz.err != nil {
					return fmt.Errorf("%s: the gzip stream is corrupt before any line: %v", name, gz.err)
				}
				return fmt.Errorf("%s: the file is empty", name)
			}
			return fmt.Errorf("%s: cannot tell what this file is: it is not a Route 53 Resolver query log, a Jaeger dependencies export, OpenTelemetry service-graph metrics or Terraform JSON. Give --observe-format to say which it is", name)
		}
	}
	sum := FileSummary{Filename: name, Format: f}
	fs := &fileState{c: c, sum: &sum}
	var err error
	switch f {
	case FormatResolver:
		err = c.readResolver(name, br, fs)
	case FormatJaeger:
		err = c.readJaeger(name, br, fs)
	case FormatServiceGraph:
		err = c.readServiceGraph(name, br, fs)
	case FormatTerraform:
		err = c.readTerraform(name, br, fs)
	default:
		return fmt.Errorf("%s: unknown format %v", name, f)
	}
	if gz != nil && gz.err != nil {
		fs.skip(0, fmt.Sprintf("the gzip stream is truncated or corrupt after line %d (%v); the lines before it were read", fs.line, gz.err))
	}
	c.files = append(c.files, sum)
	if err != nil {
		return err
	}
	if sum.Records == 0 {
		if sum.Skipped > 0 {
			return fmt.Errorf("%s: nothing in the file could be read as %s (%d lines skipped; the first: %s)", name, describe(f), sum.Skipped, fs.first)
		}
		return fmt.Errorf("%s: the file holds no %s records", name, describe(f))
	}
	return nil
}

func describe(f Format) string {
	switch f {
	case FormatResolver:
		return "Route 53 Resolver query log"
	case FormatJaeger:
		return "Jaeger dependencies"
	case FormatServiceGraph:
		return "service-graph metric"
	case FormatTerraform:
		return "Terraform JSON"
	}
	return f.String()
}

// fileState counts one file's lines and skipped records.
type fileState struct {
	c     *Collector
	sum   *FileSummary
	line  int
	first string // the first skip reason, for the error when nothing was read
}

func (fs *fileState) skip(line int, reason string) {
	fs.sum.Skipped++
	if fs.first == "" {
		if line > 0 {
			fs.first = fmt.Sprintf("line %d: %s", line, reason)
		} else {
			fs.first = reason
		}
	}
	if fs.sum.Skipped <= MaxSkippedListed || line == 0 {
		fs.c.skipped = append(fs.c.skipped, Skipped{Filename: fs.sum.Filename, Line: line, Reason: reason})
	}
}

// Observations returns what was read so far, sorted.
func (c *Collector) Observations() *Observations {
	o := &Observations{Resources: c.resources, Skipped: c.skipped, Files: c.files, Ignored: c.ignored}
	for _, q := range c.queries {
		o.Queries = append(o.Queries, q)
	}
	for _, t := range c.calls {
		o.Calls = append(o.Calls, t)
	}
	o.sort()
	return o
}

// Detect tells a file's format from its first bytes (after decompression),
// or FormatAuto when it cannot.
func Detect(head []byte) Format {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return FormatAuto
	}
	switch {
	case trimmed[0] == '{' && bytes.Contains(trimmed, []byte(`"terraform_version"`)):
		return FormatTerraform
	case bytes.Contains(trimmed, []byte(`"query_name"`)):
		return FormatResolver // also when the first line is the broken one
	case trimmed[0] == '[' && bytes.Contains(trimmed, []byte(`"parent"`)):
		return FormatJaeger
	case trimmed[0] == '{' && bytes.Contains(trimmed, []byte(`"data"`)) && bytes.Contains(trimmed, []byte(`"parent"`)):
		return FormatJaeger
	case bytes.Contains(trimmed, []byte(serviceGraphMetric)):
		return FormatServiceGraph
	}
	return FormatAuto
}

// parseTime reads a resolver timestamp; the zero time when it cannot.
func parseTime(s string) time.Time {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC()
	}
	return time.Time{}
}
