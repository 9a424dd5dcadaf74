provider "aws" {}

region "us-east-1" {}
region "eu-west-1" {}

objective "critical" {
  rpo     = "1m"
  rto     = "15m"
  survive = "region"
}

service "checkout" {
  criticality = "core"
  objective   = objective.critical
  regions     = [region.us-east-1, region.eu-west-1]
  writes      = [data.orders]
}

data "orders" {
  owner          = service.checkout
  product        = "aws.aurora-postgresql"
  loss_tolerance = "1m"
}
