# Issue #14: a store whose provider runs the failover (Cosmos DB's
# service-managed failover) moves its write region and fences the old one
# itself, so the module holds no vote and owes no quorum guard. A store
# that elects by its own lease (MongoDB replica sets) holds the vote. A
# customer-triggered failover (Azure SQL) is the module's automation, and
# two regions give it no quorum.
provider "azure" {}
provider "generic" {}

region "eastus" { provider = "azure" }
region "westus" { provider = "azure" }

service "cell" { # want: service.cell failover=automatic write=partitioned guards=fencing notes=
  criticality = "core"
  topology    = "active-active"
  regions     = [region.eastus, region.westus]
  writes      = [data.documents]
}

data "documents" {
  owner         = service.cell
  product       = "azure.cosmos-db"
  partition_key = "tenant_id"
}

service "profiles" { # want: service.profiles failover=automatic write=single-primary guards=fencing notes=
  criticality = "core"
  regions     = [region.eastus, region.westus]
  writes      = [data.profiles]
}

data "profiles" {
  owner   = service.profiles
  product = "azure.cosmos-db"
}

service "members" { # want: service.members failover=automatic write=single-primary guards=quorum,fencing notes=
  criticality = "core"
  regions     = [region.eastus, region.westus]
  writes      = [data.members]
}

data "members" {
  owner   = service.members
  product = "generic.mongodb"
}

service "billing" { # want: service.billing failover=automatic guards=fencing notes=no-quorum
  criticality = "core"
  regions     = [region.eastus, region.westus]
  writes      = [data.invoices]
}

data "invoices" {
  owner   = service.billing
  product = "azure.sql-database"
}

# One store the provider fences does not excuse another the module fails
# over itself.
service "orders" { # want: service.orders failover=automatic guards=fencing notes=no-quorum
  criticality = "core"
  regions     = [region.eastus, region.westus]
  writes      = [data.carts, data.payments]
}

data "carts" {
  owner   = service.orders
  product = "azure.cosmos-db"
}

data "payments" {
  owner   = service.orders
  product = "azure.sql-database"
}

# A custom product whose vendor runs the failover is treated the same way.
provider "corp" {
  region "corp-a" {
    city    = "Frankfurt"
    country = "DE"
    lat     = 50.11
    lon     = 8.68
  }
  region "corp-b" {
    city    = "Amsterdam"
    country = "NL"
    lat     = 52.37
    lon     = 4.90
  }
  product "managed-sql" {
    kind           = "database"
    scope          = "multi-region"
    replication    = ["async"]
    lag            = "1s"
    failover       = "2m"
    failover_by    = "service"
    failover_grace = "5m"
    multi_writer   = false
  }
}

region "corp-a" { provider = "corp" }
region "corp-b" { provider = "corp" }

service "ledger" { # want: service.ledger failover=automatic guards=fencing notes= promotion=7m
  criticality = "core"
  regions     = [region.corp-a, region.corp-b]
  writes      = [data.ledger]
}

data "ledger" {
  owner   = service.ledger
  product = "corp.managed-sql"
}
