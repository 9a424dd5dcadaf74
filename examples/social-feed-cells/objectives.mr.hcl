# Bigtable replication is eventually consistent and can run a minute behind
# under load, so the feed's RPO is written to match what it can achieve.
objective "feed" {
  rpo          = "2m"
  rto          = "2m"
  availability = "99.95%"
  survive      = "region"
}

# Usernames are checked against the whole world at sign-up. The write is
# rare (sign-ups, renames), so it may wait for a cross-continent quorum.
objective "accounts" {
  rpo                  = "0s"
  rto                  = "5m"
  availability         = "99.99%"
  write_latency_budget = "300ms"
}

objective "extras" {
  rpo     = "1h"
  rto     = "12h"
  survive = "zone"
}
