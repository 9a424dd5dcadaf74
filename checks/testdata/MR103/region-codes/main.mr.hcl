# The module names its regions after places; the team's manifest writes the
# provider's codes. us-east-1 is region.virginia and us-west-2 is
# region.oregon: the undeclared fraud-score call is reachable from both of
# checkout's regions, so lint reports the missing declaration (MR103) and no
# hidden single-region dependency.
provider "aws" {}

region "virginia" {
  code = "us-east-1"
}

region "oregon" {
  code = "us-west-2"
}

service "checkout" {
  criticality    = "core"
  rpo            = "1m"
  rto            = "5m"
  regions        = [region.virginia, region.oregon]
  compensation   = "Failed checkouts are retried from the saved cart."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
}
