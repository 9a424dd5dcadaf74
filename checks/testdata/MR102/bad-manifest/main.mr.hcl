# The module is clean, but checkout's manifest says it calls the auxiliary
# reports service directly.
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
    service.payments,
    dependency.recommendations,
  ]
  compensation   = "Failed checkouts are retried from the saved cart."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

service "payments" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  compensation   = "Captures are reconciled with the gateway nightly."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

dependency "recommendations" {
  kind     = "other"
  regions  = [region.us-east-1]
  fallback = "show best sellers"
}

service "reports" {
  criticality = "auxiliary"
  regions     = [region.us-east-1, region.us-west-2]
}
