# SPEC §10: relative cost, 1.0 = the service in one region with no standby.
# Each active region adds 1, a hot standby 1, a warm one 0.5, a cold one
# 0.1; copies where the owner does not run 0.1 each (storage only); writes sent to other
# regions their transfer price over a region-month; a synchronous region
# its product's premium, where providers/data/costs.json has a verified one.

region "us-east-1" { provider = "aws" }
region "us-west-2" { provider = "aws" }
region "eu-west-1" { provider = "aws" }
region "us-central1" { provider = "gcp" }
region "us-east4" { provider = "gcp" }

# want: service.one cost=1.0
service "one" {
  tier    = 2
  regions = [region.us-east-1]
}

# want: service.cold standby=cold cost=1.1
service "cold" {
  tier    = 2
  regions = [region.us-east-1, region.us-west-2]
}

# want: service.warm standby=warm cost=1.5
service "warm" {
  tier    = 1
  rpo     = "1h"
  rto     = "20m"
  regions = [region.us-east-1, region.us-west-2]
}

# want: service.hot standby=hot cost=2.0
service "hot" {
  tier    = 1
  rpo     = "1h"
  rto     = "1m"
  regions = [region.us-east-1, region.us-west-2]
}

# Adding a region raises the cost.
# want: service.two topology=active-active cost=2.0
service "two" {
  tier    = 0
  regions = [region.us-east-1, region.us-west-2]
}

# want: service.three topology=active-active cost=3.0
service "three" {
  tier    = 0
  regions = [region.us-east-1, region.us-west-2, region.eu-west-1]
}

# A reader elsewhere gets a replica of the owner's reference data: 0.1;
# and 2000 writes a second of 1KiB sent to two regions is about 10.6 TB a
# month, $212 over $10,000: 0.02.
# want: service.catalog cost=1.1
# want: data.products copies=eu-west-1:replica,eu-west-1:backup,us-east-1:primary
service "catalog" {
  tier    = 2
  regions = [region.us-east-1]
}

service "browse" {
  tier    = 2
  regions = [region.eu-west-1]
  reads   = [data.products]
}

data "products" {
  owner      = service.catalog
  product    = "aws.aurora-postgresql"
  write_rate = 2000
  read_rate  = 40000
}

# Spanner's second, synchronous region costs what an active region costs:
# the premium once entered for it rested on prices no public page could be
# read to confirm, so there is none (providers/data/costs.json).
# want: service.ledger cost=2.0
service "ledger" {
  tier    = 0
  regions = [region.us-central1, region.us-east4]
}

data "entries" {
  owner          = service.ledger
  product        = "gcp.spanner"
  loss_tolerance = "none"
}
