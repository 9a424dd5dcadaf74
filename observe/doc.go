// Package observe reads evidence of what really runs and calls what, from
// files users already have, and compares it with a module (SPEC section 8).
//
// It owns the readers (Route 53 Resolver query logs, Jaeger dependency
// exports, OpenTelemetry service-graph metrics in Prometheus text
// exposition, and `terraform show -json` output or raw state files), the
// recognition of a file's format from its content, the attribution of what
// was seen to a module's services through their `observe` blocks, and the
// matching of each observed call against what the module declares.
//
// Readers stream: a resolver log is aggregated line by line into one entry
// per source and name, so memory follows the number of distinct calls, not
// the size of the log. A line that cannot be read is skipped and reported
// with its file and line; a file of which nothing could be read is an error.
//
// It does not judge: checks MR106, MR107 and MR108 (package checks) turn
// the comparison into findings, and the commands render it. Hostnames are
// named from the endpoint patterns of package providers.
package observe
