package observe

import (
	"bytes"
	"fmt"
	"testing"
)

// resolverLog builds n lines of a realistic resolver log: a few hundred
// sources querying a few dozen names, as one busy VPC does.
func resolverLog(n int) []byte {
	var b bytes.Buffer
	names := []string{"secretsmanager.us-east-1.amazonaws.com.", "dynamodb.eu-central-1.amazonaws.com.", "sts.amazonaws.com.",
		"api.stripe.com.", "sqs.eu-central-1.amazonaws.com.", "kms.eu-central-1.amazonaws.com."}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"version":"1.100000","account_id":"111122223333","region":"eu-central-1","vpc_id":"vpc-0a1b2c3d","query_timestamp":"2026-11-02T10:%02d:%02dZ","query_name":"%s","query_type":"A","query_class":"IN","rcode":"NOERROR","answers":[{"Rdata":"52.94.%d.%d","Type":"A","Class":"IN"},{"Rdata":"52.94.%d.%d","Type":"A","Class":"IN"}],"srcaddr":"10.1.%d.%d","srcport":"%d","transport":"UDP","srcids":{"instance":"i-0c0ffee0%08d"}}`+"\n",
			i/60%60, i%60, names[i%len(names)], i%250, i%200, i%100, i%50, i%16, i%200, 30000+i%30000, i%300)
	}
	return b.Bytes()
}

// BenchmarkResolverLog reads a resolver log on one goroutine; b.SetBytes
// makes the MB/s column the figure to compare with the 100 MB/s target.
func BenchmarkResolverLog(b *testing.B) {
	log := resolverLog(50000)
	b.SetBytes(int64(len(log)))
	b.ReportAllocs()
	for b.Loop() {
		c := NewCollector()
		if err := c.Read("bench.jsonl", bytes.NewReader(log), FormatResolver); err != nil {
			b.Fatal(err)
		}
	}
}

// TestResolverMemoryFlat: lines of calls already seen cost no allocation,
// so memory follows the distinct calls, not the length of the log.
func TestResolverMemoryFlat(t *testing.T) {
	small, large := resolverLog(2000), resolverLog(20000)
	allocs := func(log []byte) float64 {
		return testing.AllocsPerRun(3, func() {
			c := NewCollector()
			if err := c.Read("log.jsonl", bytes.NewReader(log), FormatResolver); err != nil {
				t.Fatal(err)
			}
		})
	}
	a, b := allocs(small), allocs(large)
	// resolverLog repeats its sources every 300 lines or so: ten times the
	// lines must not cost anywhere near ten times the allocations.
	if b > a*1.5+100 {
		t.Errorf("%.0f allocations for 2000 lines, %.0f for 20000", a, b)
	}
}
