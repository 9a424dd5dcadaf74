# An ignore that silences nothing is reported, and the finding it does not
# cover still is.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

# want below: unused-ignore
# mrplan-ignore: MR401 -- checkout is not single-region any more
service "checkout" { # want: MR404
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

# want below: ignore-on-no-block
# mrplan-ignore: MR404 -- a comment floating between blocks

service "payments" { # want: MR404
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
