# The ledger may lose no data, but DynamoDB global tables replicate
# asynchronously: a region loss loses the last second or so of writes.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "zero-loss" {
  rpo = "0s"
  rto = "5m"
}

service "ledger" {
  criticality    = "core"
  objective      = objective.zero-loss # want: MR201
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  writes         = [data.entries]
  compensation   = "Entries lost in a failover are rebuilt from the bank's statements."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "5s"
  }
}

data "entries" {
  owner    = service.ledger
  product  = "aws.dynamodb"
}
