# A B2B SaaS control service on Azure keeps a warm standby in North
# Europe. Taking over means scaling it out through Azure Resource Manager,
# which keeps a resource group's metadata in the group's region.
provider "azure" {}

region "westeurope" {}
region "northeurope" {}

service "tenant-admin" {
  criticality    = "important"
  rpo            = "5m"
  rto            = "30m"
  regions        = [region.westeurope, region.northeurope] # want: MR105
  failover_drill = "2026-11-20"
}
