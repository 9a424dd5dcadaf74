# The documents are kept in geo-redundant storage, which copies East US to
# its fixed pair, West US, where the standby runs.
provider "azure" {}

region "eastus" {}
region "westus" {}

# mrplan-ignore: MR105 -- the resource groups are per region; this module is about the storage pair
service "documents" {
  criticality    = "important"
  rpo            = "30m"
  rto            = "4h"
  regions        = [region.eastus, region.westus]
  writes         = [data.documents]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "15m"
  }
}

data "documents" {
  owner          = service.documents
  product        = "azure.storage-grs" 
  loss_tolerance = "30m"
}
