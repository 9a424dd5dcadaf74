# A message queue is the second channel for orders that must not be lost.
provider "aws" {}
provider "generic" {}

region "us-east-1" {
  provider = "aws"
}
region "us-east-2" {
  provider = "aws"
}
region "us-west-2" {
  provider = "aws"
}

objective "orders" {
  rpo = "0s"
  rto = "5m"
}

service "orders" {
  criticality    = "core"
  objective      = objective.orders
  regions        = [region.us-east-1, region.us-east-2]
  witness        = region.us-west-2
  writes         = [data.orders]
  compensation   = "Orders that fail during a failover are re-submitted by the shop."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "1s"
  }
}

data "orders" {
  owner          = service.orders
  product        = "generic.postgresql"
  loss_tolerance = "none"
  conflict       = "single-writer"
  sync           = ["sync-replication", "message-queue"]
}
