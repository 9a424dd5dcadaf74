# Login runs in two regions.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "login" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  compensation   = "Users who cannot sign in see a status page."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
