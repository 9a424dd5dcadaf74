# checkout fails over to us-west-2 and eu-west-1, but the payment gateway
# it calls through payments accepts connections from us-east-1 only. The
# problem is reported once, where payments calls the gateway, naming checkout.
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
    dependency.gateway, # want: MR101
  ]
  compensation   = "Captures are reconciled with the gateway nightly."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

dependency "gateway" {
  kind    = "third-party"
  regions = [region.us-east-1]
}

dependency "dns" {
  kind   = "dns"
  global = true
}
