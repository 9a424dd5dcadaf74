# Issue #13: a synchronous write to a consensus store waits for the nearest
# majority of voters, not the farthest pair; a witness region votes where the
# product lets it.
provider "aws" {}
provider "gcp" {}
provider "generic" {}

region "us-east-1" { provider = "aws" }
region "us-east-2" { provider = "aws" }
region "eu-west-1" { provider = "aws" }
region "us-east4" { provider = "gcp" }
region "us-east1" { provider = "gcp" }
region "europe-west1" { provider = "gcp" }

# Three voters: the leader in us-east-1 and us-east-2 make a majority, so a
# write waits about the Ohio round trip, not the one to Dublin. Leases move
# in seconds: nobody promotes.
service "ledger" { # want: service.ledger promotion=10s
  criticality = "core"
  rpo         = "0s"
  rto         = "5m"
  regions     = [region.us-east-1, region.us-east-2, region.eu-west-1]
  writes      = [data.entries]
}

data "entries" { # want: data.entries mechanisms=sync-replication,message-queue replication=sync penalty=12.5ms
  owner          = service.ledger
  product        = "generic.cockroachdb"
  loss_tolerance = "none"
}

# Two read-write regions in Europe and America plus a witness next to the
# leader: the witness completes the majority.
service "catalog" { # want: service.catalog promotion=10s
  criticality = "core"
  rpo         = "0s"
  rto         = "5m"
  regions     = [region.us-east4, region.europe-west1]
  witness     = region.us-east1
  writes      = [data.items]
}

data "items" { # want: data.items replication=sync penalty=16.8ms
  owner          = service.catalog
  product        = "gcp.spanner"
  loss_tolerance = "none"
}
