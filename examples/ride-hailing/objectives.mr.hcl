# Business tiering, step 1: three levels of "how bad is it".

# Money. A wallet that loses a top-up or a fare is a regulatory incident.
# RPO 1s is the written objective; the design aims for zero (sync replication)
# and the 1s is the margin the business signed off on.
objective "wallet" {
  rpo          = "1s"
  rto          = "1m"
  availability = "99.995%"
  survive      = "region"
  # Hangzhou <-> Shanghai is ~170 km: a synchronous write costs a few
  # milliseconds. 20 ms is generous and still keeps a cross-country design
  # (say, a Beijing replica) from sneaking in.
  write_latency_budget = "20ms"
}

# The ride itself: request, match, drive, pay. Down for more than two minutes
# and drivers log off to a competitor.
objective "ride" {
  rpo          = "5s"
  rto          = "2m"
  availability = "99.99%"
  survive      = "region"
}

# Back office. The same-city pattern: separate zones of one city are enough;
# a city-wide outage pauses receipts and marketing, and nobody is stranded.
# Receipts live in zone-redundant OSS in Hangzhou and are backed up daily,
# so losing all of Hangzhou may lose a day of them: they are regenerated
# from trips, which live in both cities.
objective "same-city" {
  rpo     = "1d"
  rto     = "1d"
  survive = "zone"
}
