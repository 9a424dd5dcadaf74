# An ignore of a lint-only check in the module is for mrplan lint: validate,
# which runs no lint check, does not call it unused.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

# mrplan-ignore: MR104 -- the code calls payments through the gateway library, which no manifest lists
service "checkout" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  depends_on     = [service.payments]
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
