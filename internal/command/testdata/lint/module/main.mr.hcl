# The architecture the teams' manifests are checked against.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "revenue" {
  rpo = "1m"
  rto = "5m"
}

service "checkout" {
  criticality = "core"
  objective   = objective.revenue
  regions     = [region.us-east-1, region.us-west-2, region.eu-west-1]
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
  objective      = objective.revenue
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  depends_on     = [dependency.gateway]
  compensation   = "Captures are reconciled with the gateway nightly."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

service "recommendations" {
  criticality = "auxiliary"
  regions     = [region.us-east-1, region.eu-west-1]
}

dependency "tax" {
  kind    = "third-party"
  regions = [region.us-east-1, region.us-west-2, region.eu-west-1]
}

dependency "gateway" {
  kind    = "third-party"
  regions = [region.us-east-1, region.us-west-2, region.eu-west-1]
}
