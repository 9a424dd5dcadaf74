# A chain of five services, each calling the next: storefront → orders →
# payments → ledger → accounts. Every one is active-passive on its own
# Aurora global database, and orders and payments both write data.receipts.
# A region loss must promote accounts' data first and move storefront last.

provider "aws" {}

region "us-east-1" {}
region "eu-west-1" {}

objective "tier1" {
  rpo = "5s"
  rto = "10m"
}

service "storefront" {
  criticality = "important"
  objective   = objective.tier1
  topology    = "active-passive"
  regions     = [region.us-east-1, region.eu-west-1]
  depends_on  = [service.orders]
  writes      = [data.carts]
  routing { policy = "failover" }
}

service "orders" {
  criticality = "important"
  objective   = objective.tier1
  topology    = "active-passive"
  regions     = [region.us-east-1, region.eu-west-1]
  depends_on  = [service.payments]
  writes      = [data.orders, data.receipts]
}

service "payments" {
  criticality = "important"
  objective   = objective.tier1
  topology    = "active-passive"
  regions     = [region.us-east-1, region.eu-west-1]
  depends_on  = [service.ledger]
  writes      = [data.payments, data.receipts]
}

service "ledger" {
  criticality = "important"
  objective   = objective.tier1
  topology    = "active-passive"
  regions     = [region.us-east-1, region.eu-west-1]
  depends_on  = [service.accounts]
  writes      = [data.ledger]
}

service "accounts" {
  criticality = "important"
  objective   = objective.tier1
  topology    = "active-passive"
  regions     = [region.us-east-1, region.eu-west-1]
  writes      = [data.accounts]
  failover_drill = "2026-10-01"
}

data "carts" {
  owner   = service.storefront
  product = "aws.aurora-postgresql"
}

data "orders" {
  owner   = service.orders
  product = "aws.aurora-postgresql"
}

data "receipts" {
  owner   = service.payments
  product = "aws.aurora-postgresql"
}

data "payments" {
  owner   = service.payments
  product = "aws.aurora-postgresql"
}

data "ledger" {
  owner   = service.ledger
  product = "aws.aurora-postgresql"
}

data "accounts" {
  owner   = service.accounts
  product = "aws.aurora-postgresql"
}
