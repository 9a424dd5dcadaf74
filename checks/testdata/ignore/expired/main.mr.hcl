# An expired ignore silences nothing and says so.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

# want below: expired-ignore
# mrplan-ignore: MR404 until=2026-01-31 -- compensation plan due by January
service "checkout" { # want: MR404
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
