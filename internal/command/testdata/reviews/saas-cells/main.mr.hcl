# An Azure B2B SaaS in regional cells: a shared control plane in Europe,
# and a cell per geography that keeps serving when the control plane is
# down, from its cached tenant directory.
provider "azure" {}

region "westeurope" {}
region "northeurope" {}
region "eastus" {}
region "eastus2" {}

audience "eu-tenants" {
  share = 0.6
  near  = region.westeurope
}

audience "us-tenants" {
  share = 0.4
  near  = region.eastus
}

objective "cell" {
  rpo          = "1m"
  rto          = "15m"
  availability = "99.95%"
}

service "control-plane" {
  criticality    = "important"
  rpo            = "5m"
  rto            = "1h"
  regions        = [region.westeurope, region.northeurope]
  writes         = [data.tenants]
  depends_on     = [dependency.entra]
  failover_drill = "2026-11-20"
  observability {
    replication_lag_alert = "1m"
  }
}

service "cell-eu" {
  criticality = "core"
  objective   = objective.cell
  topology    = "active-active"
  regions     = [region.westeurope, region.northeurope]
  writes      = [data.eu-documents, data.eu-usage]
  depends_on  = [service.control-plane, dependency.entra, dependency.front-door, dependency.billing]
  call {
    to       = service.control-plane
    fallback = "serve from the cached tenant directory"
  }
  call {
    to        = dependency.billing
    partition = "tenants on metered plans"
  }
  compensation   = "Service credits per the tenant SLA."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "30s"
  }
  observability {
    replication_lag_alert = "10s"
  }
}

service "cell-us" {
  criticality = "core"
  objective   = objective.cell
  topology    = "active-active"
  regions     = [region.eastus, region.eastus2]
  writes      = [data.us-documents]
  depends_on  = [service.control-plane, dependency.entra, dependency.front-door]
  call {
    to       = service.control-plane
    fallback = "serve from the cached tenant directory"
  }
  compensation   = "Service credits per the tenant SLA."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "30s"
  }
  observability {
    replication_lag_alert = "10s"
  }
}

data "tenants" {
  owner      = service.control-plane
  product    = "azure.cosmosdb"
  uniqueness = "global"
}

data "eu-documents" {
  owner         = service.cell-eu
  product       = "azure.azurerm_cosmosdb_account"
  partition_key = "tenant_id"
}

# Usage counters add: the cell merges them, Cosmos DB only keeps every
# region's write (it offers lww and custom resolution).
data "eu-usage" {
  owner    = service.cell-eu
  product  = "azure.cosmos-db-multi-write"
  conflict = "crdt"
}

data "us-documents" {
  owner         = service.cell-us
  product       = "azure.cosmosdb"
  partition_key = "tenant_id"
}

dependency "entra" {
  kind    = "identity"
  product = "azure.azure-ad"
}

dependency "front-door" {
  kind    = "cdn"
  product = "azure.frontdoor"
}

dependency "billing" {
  kind    = "third-party"
  regions = [region.eastus]
}
