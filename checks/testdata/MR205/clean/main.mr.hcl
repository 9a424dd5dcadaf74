# Sessions are re-issued after a failover, not replicated.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "web" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  writes         = [data.sessions]
  compensation   = "Users whose session is lost sign in again."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "10s"
  }
}

data "sessions" {
  owner       = service.web
  product     = "aws.elasticache-redis"
  regenerable = true
}
