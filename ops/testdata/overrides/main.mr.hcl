# Metric names overridden in the module: every rule carries the team label,
# health comes from the team's own probes, Aurora lag from a recording rule,
# and the sessions cache from its exporter.

mrplan {
  alerts {
    labels          = { team = "payments-sre", env = "prod" }
    service_health  = "probe_success{job=\"bb\",target_service=\"$service\",target_region=\"$region\"}"
    endpoint_health = "probe_success{job=\"bb-global\",target_service=\"$service\"}"

    replication_lag "aws.aurora-postgresql" {
      expr = "aurora:global_replication_lag_seconds{cluster=\"$data\",home=\"$region\"}"
    }
    replication_lag "data.balances" {
      expr = "max(pg_replication_lag_seconds{cluster=\"$data\",owner=\"$service\"})"
    }
  }
}

provider "aws" {}
provider "generic" {}

region "us-east-1" { provider = "aws" }
region "us-west-2" { provider = "aws" }

service "wallet" {
  criticality = "core"
  rpo         = "1s"
  rto         = "5m"
  regions     = [region.us-east-1, region.us-west-2]
  writes      = [data.transfers, data.balances]
}

data "transfers" {
  owner   = service.wallet
  product = "aws.aurora-postgresql"
}

data "balances" {
  owner   = service.wallet
  product = "generic.postgresql"
  loss_tolerance = "1s"
}
