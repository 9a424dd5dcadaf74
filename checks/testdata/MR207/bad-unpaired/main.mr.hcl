# Poland Central has no pair, so geo-redundant storage makes no copy at all:
# the one the plan keeps in West Europe does not exist.
provider "azure" {}

region "polandcentral" {}
region "westeurope" {}

# mrplan-ignore: MR105 -- the resource groups are per region; this module is about the storage pair
service "documents" {
  criticality    = "important"
  rpo            = "30m"
  rto            = "4h"
  regions        = [region.polandcentral, region.westeurope]
  writes         = [data.documents]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "15m"
  }
}

data "documents" {
  owner          = service.documents
  product        = "azure.storage-grs" # want: MR207
  loss_tolerance = "30m"
}
