# Each account number has one home region, by the customer's country.
provider "aws" {}

region "us-east-1" {}
region "eu-west-1" {}

objective "back-office" {
  rpo = "5m"
  rto = "4h"
}

service "signup-us" {
  criticality    = "important"
  objective      = objective.back-office
  regions        = [region.us-east-1, region.eu-west-1]
  writes         = [data.accounts]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "1m"
  }
}

service "signup-eu" {
  criticality    = "important"
  objective      = objective.back-office
  regions        = [region.eu-west-1, region.us-east-1]
  writes         = [data.accounts]
  failover_drill = "2026-11-01"
}

data "accounts" {
  owner      = service.signup-us
  product    = "aws.aurora-postgresql"
  uniqueness    = "global"
  partition_key = "country"
}
