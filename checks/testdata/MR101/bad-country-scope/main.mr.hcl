# The ledger must survive the loss of a country and runs in the US and
# Ireland, but its tax service runs in two US regions only: losing the US
# leaves Ireland serving without it.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "country" {
  rpo     = "1m"
  rto     = "30m"
  survive = "country"
}

service "ledger" {
  criticality    = "important"
  objective      = objective.country
  regions        = [region.us-east-1, region.eu-west-1]
  depends_on     = [dependency.tax] # want: MR101
  failover_drill = "2026-11-20"
}

dependency "tax" {
  kind    = "third-party"
  regions = [region.us-east-1, region.us-west-2]
}
