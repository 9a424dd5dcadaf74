# EU personal data with a US reader: the planner keeps every copy in the
# EU, and the US support tool reads from Ireland or Frankfurt on demand.
provider "aws" {}

region "eu-west-1" {}
region "eu-central-1" {}
region "us-east-1" {}

objective "important" {
  rpo = "1m"
  rto = "4h"
}

service "accounts" {
  objective      = objective.important
  regions        = [region.eu-west-1, region.eu-central-1]
  writes         = [data.customers]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "30s"
  }
}

service "support-tool" {
  criticality = "auxiliary"
  regions     = [region.us-east-1]
  reads       = [data.customers]
}

data "customers" {
  owner      = service.accounts
  product    = "aws.aurora-postgresql"
  residency  = ["EU"]
  write_rate = 50
}
