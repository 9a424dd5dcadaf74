# A game's player inventories are written in every region. DynamoDB
# resolves by last writer wins only; the module declares crdt because the
# application merges (per-region items, counters that add): a resolution,
# so no MR302.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

service "inventory" {
  criticality    = "important"
  rpo            = "1m"
  rto            = "10m"
  topology       = "active-active"
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  writes         = [data.inventories]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "10s"
  }
}

data "inventories" {
  owner    = service.inventory
  product  = "aws.dynamodb"
  conflict = "crdt"
}
