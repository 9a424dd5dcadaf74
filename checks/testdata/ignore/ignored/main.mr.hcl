# Each finding is silenced by an ignore: above the block, on its first line,
# and with a // comment; none is reported as unused.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

# mrplan-ignore: MR404 until=2027-03-31 -- the payments team's runbook covers refunds
service "checkout" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

service "payments" { # mrplan-ignore: MR404 -- compensation is the gateway's chargeback process
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

// mrplan-ignore: MR404, MR501 -- being retired in December
service "legacy" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
