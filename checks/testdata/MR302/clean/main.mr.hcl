# settings resolve by last writer wins, as DynamoDB offers; only billing
# writes notes, support reads them.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

objective "back-office" {
  rpo = "5m"
  rto = "4h"
}

service "accounts" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  writes         = [data.settings]
  compensation   = "Users whose edit is lost are asked to save it again."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "10s"
  }
}

data "settings" {
  owner    = service.accounts
  product  = "aws.dynamodb"
  conflict = "lww"
}

service "billing" {
  criticality    = "important"
  objective      = objective.back-office
  regions        = [region.us-east-1, region.eu-west-1]
  writes         = [data.notes]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "1m"
  }
}

service "support" {
  criticality    = "important"
  objective      = objective.back-office
  regions        = [region.eu-west-1, region.us-east-1]
  reads          = [data.notes]
  failover_drill = "2026-11-01"
}

data "notes" {
  owner   = service.billing
  product = "aws.aurora-postgresql"
}
