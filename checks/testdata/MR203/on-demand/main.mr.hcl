# Price lists are forced onto synchronous replication between Sydney and
# Virginia, though they may lose an hour: every write pays the Pacific round
# trip. Reading them from the origin on a miss would cost writes nothing.
provider "aws" {}
provider "generic" {}

region "us-east-1" {
  provider = "aws"
}
region "ap-southeast-2" {
  provider = "aws"
}

service "pricing" {
  criticality    = "important"
  rpo            = "1h"
  rto            = "1h"
  failover       = "manual"
  regions        = [region.us-east-1, region.ap-southeast-2]
  writes         = [data.price-lists]
  failover_drill = "2026-11-20"
  observability {
    replication_lag_alert = "1m"
  }
}

data "price-lists" {
  owner          = service.pricing
  product        = "generic.postgresql"
  loss_tolerance = "1h"
  sync           = ["sync-replication"] # want: MR203
}
