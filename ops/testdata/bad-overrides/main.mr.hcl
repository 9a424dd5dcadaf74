mrplan {
  alerts {
    labels         = { "bad-label" = "x" }
    service_health = "probe_success{service=\"$servce\"}"

    replication_lag "aws.auroro" {
      expr = "x"
    }
    replication_lag "data.balance" {
      expr = "y{data=\"$data\"}"
    }
    dependency_health = "probe_success{service=\"$service\"}"
  }
}

provider "aws" {}

region "us-east-1" {}

service "wallet" {
  regions = [region.us-east-1]
  writes  = [data.balances]
}

data "balances" {
  owner   = service.wallet
  product = "aws.aurora-postgresql"
}
