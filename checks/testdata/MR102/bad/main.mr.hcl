# A core service calls an auxiliary one on its request path.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "checkout" {
  criticality = "core"
  objective   = objective.core
  regions     = [region.us-east-1, region.us-west-2]
  depends_on = [
    service.recommendations, # want: MR102
  ]
  compensation   = "Failed checkouts are retried from the saved cart."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

service "recommendations" {
  criticality = "auxiliary"
  regions     = [region.us-east-1, region.us-west-2]
}
