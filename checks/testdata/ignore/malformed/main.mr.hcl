# A comment meant as an ignore that misses "mrplan-ignore:" is an error, not
# a plain comment that silently silences nothing; prose that mentions
# mrplan-ignored findings is left alone.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

# want below: malformed-ignore
# mrplan-ignore MR404 -- the status page covers it
service "checkout" { # want: MR404
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

# want below: malformed-ignore
// MRPLAN_IGNORE: MR404 -- the status page covers it
service "payments" { # want: MR404
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
