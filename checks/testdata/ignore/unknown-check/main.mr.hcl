# An ignore of a check that does not exist is an error.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

# want below: unknown-check
# mrplan-ignore: MR440 -- typo for MR404
service "checkout" { # want: MR404
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
