#!/bin/sh
# bench-targets.sh measures issue 8's targets as ratios in one run: the built
# mrplan binary (validate; plan --format json) against the single-core parse
# floor (mrplan-floor: hclparse and a visit of every block and attribute) on
# the same generated modules, wall time, CPU time (user and system) and peak
# RSS from /usr/bin/time -v, medians of RUNS runs, the floor and mrplan
# interleaved so load hits both.
#
#   scripts/bench-targets.sh                 # 10k shallow and chain, 3 runs
#   SIZES="10000 50000" RUNS=5 scripts/bench-targets.sh
#   COMMANDS="validate" scripts/bench-targets.sh
#   COMMANDS="validate validate-json plan-text plan" FLAWED=100 scripts/bench-targets.sh
#                                            # text and JSON, on modules with findings
#                                            # (mrplan-gen -flawed: about one per service)
#   EXTRA="--disable-check MR402" scripts/bench-targets.sh   # flags for mrplan
#   COMMANDS="load plan-phase" scripts/bench-targets.sh      # mrplan's loading, or loading and planning, alone
#   SEED=20261122 scripts/bench-targets.sh   # a module generated with another seed
#
# With two or more SIZES it ends with the growth from the first size to each
# larger one: time and peak memory, per shape and command.
set -eu
SIZES=${SIZES:-10000}
SHAPES=${SHAPES:-"shallow chain"}
RUNS=${RUNS:-3}
COMMANDS=${COMMANDS:-"validate plan"}
EXTRA=${EXTRA:-}
SEED=${SEED:-1}
FLAWED=${FLAWED:-0}
GO=${GO:-go}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$GO build -o "$work/mrplan" ./cmd/mrplan
$GO build -o "$work/mrplan-floor" ./bench/cmd/mrplan-floor
$GO build -o "$work/mrplan-gen" ./cmd/mrplan-gen

# measure CMD...: prints "seconds peak_kib cpu_seconds" of one run.
measure() {
	/usr/bin/time -v "$@" >/dev/null 2>"$work/time" || true
	awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
		/User time \(seconds\)/ || /System time \(seconds\)/ { c += $2 }
		/Maximum resident set size/ { m = $2 } END { printf "%.3f %d %.3f\n", s, m, c }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "seed: $SEED; flawed: $FLAWED%; runs: $RUNS; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %-13s %9s %9s %7s %9s %9s %7s %11s %11s %7s\n' module command time floor ratio cpu "floor cpu" ratio "peak MiB" "floor MiB" ratio
for n in $SIZES; do
	for shape in $SHAPES; do
		dir="$work/m-$n-$shape"
		"$work/mrplan-gen" -services "$n" -shape "$shape" -seed "$SEED" -flawed "$FLAWED" -o "$dir"
		for cmd in $COMMANDS; do
			case $cmd in
			plan) args="plan --format json $EXTRA $dir" ;;
			plan-text) args="plan $EXTRA $dir" ;;
			validate-json) args="validate --format json $EXTRA $dir" ;;
			*) args="validate $EXTRA $dir" ;;
			esac
			bin="$work/mrplan"
			case $cmd in load | plan-phase)
				bin="$work/mrplan-floor" args="-phase ${cmd%-phase} $dir" ;;
			esac
			: >"$work/t"; : >"$work/m"; : >"$work/c"; : >"$work/ft"; : >"$work/fm"; : >"$work/fc"
			for _ in $(seq "$RUNS"); do
				measure taskset -c 0 "$work/mrplan-floor" "$dir" >"$work/one"
				cut -d' ' -f1 "$work/one" >>"$work/ft"; cut -d' ' -f2 "$work/one" >>"$work/fm"; cut -d' ' -f3 "$work/one" >>"$work/fc"
				# shellcheck disable=SC2086
				measure "$bin" $args >"$work/one"
				cut -d' ' -f1 "$work/one" >>"$work/t"; cut -d' ' -f2 "$work/one" >>"$work/m"; cut -d' ' -f3 "$work/one" >>"$work/c"
			done
			t=$(median <"$work/t"); ft=$(median <"$work/ft"); m=$(median <"$work/m"); fm=$(median <"$work/fm")
			c=$(median <"$work/c"); fc=$(median <"$work/fc")
			echo "$n $shape $cmd $t $m" >>"$work/rows"
			awk -v n="$((n / 1000))k/$shape" -v c="$cmd" -v t="$t" -v ft="$ft" -v m="$m" -v fm="$fm" -v u="$c" -v fu="$fc" 'BEGIN {
				printf "%-14s %-13s %8.2fs %8.2fs %6.2fx %8.2fs %8.2fs %6.2fx %11.0f %11.0f %6.2fx\n", n, c, t, ft, t / ft, u, fu, u / fu, m / 1024, fm / 1024, m / fm }'
		done
	done
done
if [ -s "$work/rows" ] && [ "$(echo $SIZES | wc -w)" -gt 1 ]; then
	awk 'NR == FNR && !((($2, $3) in base)) { base[$2, $3] = $1; bt[$2, $3] = $4; bm[$2, $3] = $5; next }
		FNR == 1 && NR != FNR { printf "%-22s %-9s %12s %12s\n", "growth", "command", "time", "peak memory" }
		NR != FNR && $1 != base[$2, $3] {
			printf "%-22s %-9s %11.2fx %11.2fx\n", (base[$2, $3] / 1000) "k->" ($1 / 1000) "k/" $2, $3, $4 / bt[$2, $3], $5 / bm[$2, $3] }' \
		"$work/rows" "$work/rows"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
