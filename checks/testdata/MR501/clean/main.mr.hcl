# Both services drilled their failover within the last 90 days.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

objective "orders" {
  rpo = "1m"
  rto = "2h"
}

service "payments" {
  criticality  = "core"
  objective    = objective.core
  regions      = [region.us-east-1, region.us-west-2]
  compensation = "Captures are reconciled with the gateway nightly."
  failover_drill = "2026-10-20"
  routing {
    dns_ttl = "10s"
  }
}

service "orders" {
  criticality    = "important"
  objective      = objective.orders
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-09-01"
}
