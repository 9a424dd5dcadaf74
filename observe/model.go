package observe

import (
	"sort"
	"time"
)

// Source is where a DNS query came from.
type Source struct {
	VPC      string
	Instance string // srcids.instance, "" when the log has none
	Addr     string // srcaddr
	Region   string // the region of the VPC the resolver serves
}

// Query is every successful resolution of one name from one source.
type Query struct {
	Source      Source
	Name        string // lower case, without the final dot
	Calls       int64
	First, Last time.Time
	// PrivateAnswer: an answer was a private address (RFC 1918, RFC 4193),
	// so the name is internal whatever it looks like.
	PrivateAnswer bool
	Files         []string // sorted

	firstRaw, lastRaw string // First and Last as the log wrote them
}

// TraceCall is every observed call from one traced service to another.
type TraceCall struct {
	Client, Server string
	Calls          int64
	Files          []string // sorted
}

// Resource is one deployed resource from Terraform JSON.
type Resource struct {
	Address  string // "module.checkout.aws_dynamodb_table.orders"
	Type     string // "aws_dynamodb_table"
	Provider string // "aws", from the provider's address
	Regions  []string
	File     string
}

// Skipped is one line or record that could not be read.
type Skipped struct {
	Filename string
	Line     int // 0 when the problem is the file as a whole (a truncated gzip stream)
	Reason   string
}

// FileSummary says what was read from one file.
type FileSummary struct {
	Filename string
	Format   Format
	Records  int64 // lines or records read
	Skipped  int64 // lines or records skipped, all of them, also those not listed
}

// Observations is everything read from the --observe files, sorted.
type Observations struct {
	Queries   []*Query
	Calls     []*TraceCall
	Resources []*Resource
	Skipped   []Skipped // at most MaxSkippedListed a file; FileSummary counts them all
	Files     []FileSummary
	// Ignored counts resolver lines that were read but are no evidence of
	// a call: failed resolutions (NXDOMAIN, SERVFAIL) and empty names.
	Ignored int64
}

// Empty reports whether nothing at all was observed.
func (o *Observations) Empty() bool {
	return o == nil || len(o.Queries) == 0 && len(o.Calls) == 0 && len(o.Resources) == 0
}

// MaxSkippedListed bounds how many skipped lines of one file are listed, so
// that a log of garbage does not fill memory with reasons.
const MaxSkippedListed = 100

func (o *Observations) sort() {
	sort.Slice(o.Queries, func(i, j int) bool {
		a, b := o.Queries[i], o.Queries[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return lessSource(a.Source, b.Source)
	})
	sort.Slice(o.Calls, func(i, j int) bool {
		a, b := o.Calls[i], o.Calls[j]
		if a.Client != b.Client {
			return a.Client < b.Client
		}
		return a.Server < b.Server
	})
	sort.Slice(o.Resources, func(i, j int) bool {
		a, b := o.Resources[i], o.Resources[j]
		if a.Address != b.Address {
			return a.Address < b.Address
		}
		return a.File < b.File
	})
	sort.SliceStable(o.Skipped, func(i, j int) bool {
		a, b := o.Skipped[i], o.Skipped[j]
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Line < b.Line
	})
	sort.Slice(o.Files, func(i, j int) bool { return o.Files[i].Filename < o.Files[j].Filename })
}

func lessSource(a, b Source) bool {
	if a.VPC != b.VPC {
		return a.VPC < b.VPC
	}
	if a.Instance != b.Instance {
		return a.Instance < b.Instance
	}
	if a.Addr != b.Addr {
		return a.Addr < b.Addr
	}
	return a.Region < b.Region
}

func addFile(files []string, f string) []string {
	i := sort.SearchStrings(files, f)
	if i < len(files) && files[i] == f {
		return files
	}
	files = append(files, "")
	copy(files[i+1:], files[i:])
	files[i] = f
	return files
}
