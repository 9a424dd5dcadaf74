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
    dependency.tax,
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

dependency "tax" {
  kind    = "third-party"
  regions = [region.us-east-1, region.us-west-2]
}

dependency "fraud-api" {
  kind    = "third-party"
  regions = [region.us-east-1, region.us-west-2]
}
