# Automatic failover to a warm standby meets the 15-minute RTO.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "orders" {
  rpo = "1m"
  rto = "15m"
}

service "orders" {
  criticality    = "important"
  objective      = objective.orders
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  failover       = "automatic"
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

service "reports" {
  criticality = "auxiliary"
  rto         = "8h"
  regions     = [region.us-east-1, region.us-west-2]
}
