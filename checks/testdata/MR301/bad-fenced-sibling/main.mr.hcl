# Carts on Cosmos DB are fenced by its service-managed failover, but the
# payments on Azure SQL are promoted by the module's own automation: two
# regions give that election no quorum, and the finding names only it.
provider "azure" {}

region "eastus" {}
region "westus" {}

service "orders" {
  criticality    = "core"
  rpo            = "1m"
  rto            = "30m"
  regions        = [region.eastus, region.westus] # want: MR301
  writes         = [data.carts, data.payments]
  compensation   = "Orders that fail during a failover are retried by the client."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "30s"
  }
  observability {
    replication_lag_alert = "10s"
  }
}

data "carts" {
  owner          = service.orders
  product        = "azure.cosmos-db"
  loss_tolerance = "1m"
}

data "payments" {
  owner          = service.orders
  product        = "azure.sql-database"
  loss_tolerance = "1m"
}
