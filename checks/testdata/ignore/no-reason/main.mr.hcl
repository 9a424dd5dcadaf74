# An ignore must say why; one that does not is an error and silences nothing.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

# want below: ignore-without-a-reason
# mrplan-ignore: MR404
service "checkout" { # want: MR404
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
