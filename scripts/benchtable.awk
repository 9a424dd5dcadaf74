# benchtable.awk turns `go test -bench` output into a table: one row per
# benchmark and module, the median of its runs (-count), time in ms and
# memory in MB per operation, and the ratio of the time to BenchmarkFloor's
# on the same module (the single-core parse floor).
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	n = split(name, p, "/"); phase = p[1]; sub(/^Benchmark/, "", phase)
	mod = p[2] "/" p[3]
	for (i = 3; i <= NF; i++) {
		if ($(i+1) == "ns/op") t[name, ++cnt[name]] = $i
		if ($(i+1) == "B/op") m[name, cnt[name]] = $i
	}
	if (!(name in seen)) { seen[name] = 1; order[++rows] = name; ph[name] = phase; md[name] = mod }
}
function median(arr, key, k,   v, i, j, x) {
	for (i = 1; i <= k; i++) v[i] = arr[key, i]
	for (i = 2; i <= k; i++) { x = v[i]; for (j = i - 1; j > 0 && v[j] > x; j--) v[j+1] = v[j]; v[j+1] = x }
	return v[int((k + 1) / 2)]
}
END {
	for (r = 1; r <= rows; r++) { k = order[r]; med[k] = median(t, k, cnt[k]); mem[k] = median(m, k, cnt[k]) }
	printf "%-14s %-12s %12s %10s %9s\n", "module", "phase", "time (ms)", "MB/op", "x floor"
	for (r = 1; r <= rows; r++) {
		k = order[r]; f = "BenchmarkFloor/" md[k]
		ratio = (f in med && med[f] > 0) ? sprintf("%8.2fx", med[k] / med[f]) : "        -"
		printf "%-14s %-12s %12.1f %10.1f %s\n", md[k], ph[k], med[k] / 1e6, mem[k] / 1e6, ratio
	}
}
