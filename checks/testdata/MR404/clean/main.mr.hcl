# Checkout says what happens to shoppers a failover catches.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "checkout" {
  criticality    = "core"
  compensation   = "Shoppers whose payment fails in a failover get a retry link by e-mail."
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}
