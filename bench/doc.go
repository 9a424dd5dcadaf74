// Package bench measures mrplan against the floor under any HCL tool:
// parsing a module's files with hclparse and visiting every block and
// attribute, and nothing else, on one core (Floor). Its benchmarks run
// every phase and the whole commands on generated modules (internal/gen) of
// 1,000 and 10,000 services, and 50,000 when MRPLAN_BENCH_LARGE=1;
// `make bench` prints them as a table, and scripts/bench-targets.sh measures
// the built binary's time and peak memory as ratios to the floor's.
//
// The phases themselves live in lang, planner, checks and internal/views;
// bench only times them.
package bench
