# Tenant documents are partitioned by tenant on Cosmos DB with one write
# region and service-managed failover: Microsoft moves the write region
# and fences the old one, so two regions need no quorum of the module's.
provider "azure" {}

region "eastus" {}
region "westus" {}

service "documents" {
  criticality    = "core"
  rpo            = "1m"
  rto            = "30m"
  topology       = "active-active"
  regions        = [region.eastus, region.westus]
  writes         = [data.documents]
  compensation   = "Service credits per the tenant SLA."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "30s"
  }
  observability {
    replication_lag_alert = "10s"
  }
}

data "documents" {
  owner         = service.documents
  product       = "azure.cosmos-db"
  partition_key = "tenant_id"
}
