# accounts writes settings in every region and asks DynamoDB for a
# resolution it does not offer; billing and support each write notes from
# their own primary region, and nothing resolves the two.
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
  conflict = "crdt" # want: MR302
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
