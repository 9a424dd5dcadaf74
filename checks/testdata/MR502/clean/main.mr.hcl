# The owner alerts on replication lag.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "orders" {
  rpo = "1m"
  rto = "2h"
}

service "orders" {
  criticality    = "important"
  objective      = objective.orders
  regions        = [region.us-east-1, region.us-west-2]
  writes         = [data.orders]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "30s"
  }
}

data "orders" {
  owner   = service.orders
  product = "aws.aurora-postgresql"
}
