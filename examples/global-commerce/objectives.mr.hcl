# Step 1, business tiering, starts with what the business can bear.
# Three policies, one per tier, so a service's tier is a visible choice.

# Taking money. Minutes of outage cost real revenue; a few seconds of lost
# writes are recoverable because the payment gateway and the order outbox
# both keep their own record (see data.mr.hcl).
objective "revenue-path" {
  rpo          = "5s"
  rto          = "5m"
  availability = "99.99%"
  survive      = "region"
  # Cross-Atlantic synchronous writes would cost ≥ 65 ms; we refuse to pay
  # more than this on any write in the checkout path.
  write_latency_budget = "50ms"
}

# Shopping but not paying: browsing, search, order history. An hour without
# them is bad, not fatal; losing a few minutes of edits is acceptable.
objective "shopping" {
  rpo          = "15m"
  rto          = "1h"
  availability = 99.9
  survive      = "region"
}

# Nice to have. The seed's technique 1: keep these out of the multi-region
# machinery. Surviving a zone is enough; a lost region means the widget hides.
objective "best-effort" {
  rpo     = "24h"
  rto     = "1d"
  survive = "zone"
}
