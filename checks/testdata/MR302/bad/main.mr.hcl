# accounts writes settings in every region and asks DynamoDB's strongly
# consistent mode for last writer wins, which it does not offer (it refuses
# a conflicting write instead); billing and support each write notes from
# their own primary region, and nothing resolves the two.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "core" {
  rpo                  = "1m"
  rto                  = "5m"
  write_latency_budget = "150ms"
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
  product  = "aws.dynamodb-mrsc"
  conflict = "lww" # want: MR302
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
  writes         = [data.notes]
  failover_drill = "2026-11-01"
}

data "notes" { # want: MR302
  owner   = service.billing
  product = "aws.aurora-postgresql"
}

# Refunds are written by one service from its primary only, yet declare
# last writer wins: a resolution that never runs, and a sign that the
# design and the module disagree.
service "refunds" {
  criticality    = "important"
  objective      = objective.back-office
  regions        = [region.us-east-1, region.eu-west-1]
  writes         = [data.refunds]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "1m"
  }
}

data "refunds" {
  owner    = service.refunds
  product  = "aws.aurora-postgresql"
  conflict = "lww" # want: MR302
}
