# Statements must survive the loss of a whole country, but both regions
# are in the United States.
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
  regions        = [region.us-east-1, region.us-west-2] # want: MR402
  failover_drill = "2026-11-01"
}
