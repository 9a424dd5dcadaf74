provider "aws" {}

region "eu-central-1" {}
region "eu-west-1" {}

service "checkout" {
  criticality    = "core"
  regions        = [region.eu-central-1, region.eu-west-1] # want: MR108
  writes         = [data.orders]
  compensation   = "retry later"
  failover_drill = "2026-11-20"
  observability {
    replication_lag_alert = "2s"
  }
}

data "orders" {
  owner          = service.checkout
  product        = "aws.dynamodb"
  loss_tolerance = "5s"
  observe {
    terraform = ["aws_dynamodb_table.orders"] # want: MR108
  }
}
