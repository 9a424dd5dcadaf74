# The mrplan block turns MR404 off and names a check that does not exist.
mrplan {
  check "MR404" {
    enabled = false
  }
  check "MR40" { # want: unknown-check
    enabled = false
  }
}

provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "checkout" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
