# Half a second of loss at most, but Cosmos DB with multi-region writes
# trails by about a second, and Microsoft bounds it at 15 minutes.
provider "azure" {}

region "eastus" {}
region "westus" {}

objective "carts" {
  rpo = "500ms"
  rto = "5m"
}

service "carts" {
  criticality    = "core"
  objective      = objective.carts # want: MR201
  regions        = [region.eastus, region.westus]
  writes         = [data.carts]
  compensation   = "Carts lost in a failover are rebuilt from the browser's copy."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "1s"
  }
}

data "carts" {
  owner    = service.carts
  product  = "azure.cosmos-db-multi-write"
  conflict = "lww"
}
