# The gateway is reachable from every region payments runs in.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "checkout" {
  criticality = "core"
  objective   = objective.core
  regions     = [region.us-east-1, region.us-west-2, region.eu-west-1]
  depends_on = [
    service.payments,
    dependency.dns,
  ]
  compensation   = "Failed checkouts are retried from the saved cart."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

service "payments" {
  criticality = "core"
  objective   = objective.core
  regions     = [region.us-east-1, region.us-west-2, region.eu-west-1]
  depends_on = [
    dependency.gateway,
    dependency.fraud-score,
  ]
  compensation   = "Captures are reconciled with the gateway nightly."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

dependency "gateway" {
  kind    = "third-party"
  regions = [region.us-east-1, region.us-west-2, region.eu-west-1]
}

# In one region only, but soft: payments goes on without a score.
dependency "fraud-score" {
  kind     = "third-party"
  regions  = [region.us-east-1]
  fallback = "accept payments under 100 EUR unscored"
}

dependency "dns" {
  kind   = "dns"
  global = true
}
