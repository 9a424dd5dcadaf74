# Money must not be lost, and must not be booked twice. Downtime is bad;
# divergence is worse.

objective "zero-loss" {
  rpo          = "0s"
  rto          = "30m"
  availability = "99.95%"
  survive      = "region"
  # A synchronous commit to Dublin must cost less than this.
  write_latency_budget = "30ms"
}

objective "customer-channels" {
  rpo          = "0s"
  rto          = "5m"
  availability = "99.95%"
}

objective "back-office" {
  rpo     = "1h"
  rto     = "8h"
  survive = "zone"
}
