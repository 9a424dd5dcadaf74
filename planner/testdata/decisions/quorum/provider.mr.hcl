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

# Three voters, and writes in every region (CockroachDB takes them
# anywhere): a write from Dublin waits for the nearest other voter, about
# the round trip to Virginia, not the farthest pair's. Nothing is
# promoted: the leases the lost region held expire in seconds, inside the
# detection time, and traffic goes to the regions left.
service "ledger" { # want: service.ledger promotion=0s
  criticality = "core"
  rpo         = "0s"
  rto         = "5m"
  regions     = [region.us-east-1, region.us-east-2, region.eu-west-1]
  writes      = [data.entries]
}

data "entries" { # want: data.entries mechanisms=sync-replication,message-queue replication=sync penalty=69.5ms
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
