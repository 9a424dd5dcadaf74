# Carts are partitioned by user on a DynamoDB global table: each user's
# home region takes their writes, and a lost home moves by routing. No
# primary is elected, so two regions need no quorum; fencing stays.
provider "aws" {}

region "us-east-1" {}
region "eu-west-1" {}

service "carts" {
  criticality    = "core"
  rpo            = "5s"
  rto            = "2m"
  regions        = [region.us-east-1, region.eu-west-1]
  writes         = [data.carts]
  compensation   = "A cart lost in a failover is rebuilt from the last order page view."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "2s"
  }
}

data "carts" {
  owner         = service.carts
  product       = "aws.dynamodb"
  partition_key = "user_id"
}
