# Orders are replicated to the standby, and nobody watches the lag.
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
}

data "orders" {
  owner   = service.orders # want: MR502
  product = "aws.aurora-postgresql"
}
