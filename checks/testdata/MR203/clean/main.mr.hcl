# Synchronous replication between two nearby regions (Virginia and Ohio)
# fits the 50ms budget; Oregon only votes.
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

objective "wallet" {
  rpo = "0s"
  rto = "5m"
}

service "wallet" {
  criticality    = "core"
  objective      = objective.wallet
  regions        = [region.us-east-1, region.us-east-2]
  witness        = region.us-west-2
  writes         = [data.balances]
  compensation   = "Payments that fail during a failover are refunded within a day."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "1s"
  }
}

data "balances" {
  owner    = service.wallet
  product  = "generic.postgresql"
  conflict = "single-writer"
  sync     = ["sync-replication", "message-queue"]
}
