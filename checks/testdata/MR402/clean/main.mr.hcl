# Statements run in two countries.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "regulated" {
  rpo     = "1m"
  rto     = "4h"
  survive = "country"
}

service "statements" {
  criticality    = "important"
  objective      = objective.regulated
  regions        = [region.us-east-1, region.eu-west-1]
  failover_drill = "2026-11-01"
}
