# Two regions, automatic failover, one primary: a partition between them
# looks like a dead region from both sides.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "ledger" {
  rpo = "5s"
  rto = "5m"
}

service "ledger" {
  criticality    = "core"
  objective      = objective.ledger
  regions        = [region.us-east-1, region.us-west-2] # want: MR301
  failover       = "automatic"
  writes         = [data.accounts]
  compensation   = "Transfers that fail during a failover are retried by the client."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "2s"
  }
}

data "accounts" {
  owner    = service.ledger
  product  = "aws.aurora-postgresql"
  conflict = "single-writer"
}
