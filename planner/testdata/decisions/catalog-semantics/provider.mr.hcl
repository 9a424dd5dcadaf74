# Issue #13: typical figures for estimates, bounds beside them, who
# triggers a failover, queues without backups, and the RPO judged within
# the objective's survive scope.
provider "aws" {}
provider "azure" {}

region "us-east-1" { provider = "aws" }
region "us-west-2" { provider = "aws" }
region "eastus" { provider = "azure" }
region "westus" { provider = "azure" }

# Cosmos DB's "< 15 min" is a bound: the estimate is the typical second,
# and the service-managed failover is timed by its documented RTO.
service "profiles" { # want: service.profiles rpo=1s promotion=15m
  criticality = "important"
  rpo         = "30s"
  rto         = "1h"
  regions     = [region.eastus, region.westus]
  writes      = [data.profiles]
}

data "profiles" { # want: data.profiles mechanisms=async-replication rpo=1s rpo_bound=15m in_flight=false
  owner          = service.profiles
  product        = "azure.cosmos-db"
  loss_tolerance = "30s"
}

# Azure SQL fails over in about 30s when the customer triggers it; the 1h
# is the grace period of the Microsoft-managed policy.
service "billing" { # want: service.billing rpo=5s promotion=30s
  criticality = "important"
  rpo         = "1m"
  rto         = "10m"
  regions     = [region.eastus, region.westus]
  writes      = [data.invoices]
}

data "invoices" { # want: data.invoices rpo=5s rpo_bound=5s
  owner   = service.billing
  product = "azure.sql-database"
}

# SQS keeps no backups: with two regions the planner publishes to both;
# in one region the backlog in flight is what a region loss takes.
service "orders" {
  criticality = "important"
  rpo         = "1m"
  rto         = "10m"
  regions     = [region.us-east-1, region.us-west-2]
  writes      = [data.order-events]
}

data "order-events" { # want: data.order-events mechanisms=message-queue rpo=0s in_flight=false
  owner   = service.orders
  product = "aws.sqs"
}

service "mailer" { # want: service.mailer rpo=5m
  criticality = "auxiliary"
  regions     = [region.us-east-1]
  writes      = [data.mail-queue]
}

data "mail-queue" { # want: data.mail-queue mechanisms= rpo=5m in_flight=true
  owner   = service.mailer
  product = "aws.sqs"
}

# An objective that survives zones is judged on a zone loss: S3 keeps
# synchronous copies across the zones of us-east-1, though its cross-region
# lag is 15 minutes.
objective "zonal" {
  rpo     = "1m"
  rto     = "4h"
  survive = "zone"
}

service "archive" { # want: service.archive rpo=0s
  criticality = "auxiliary"
  objective   = objective.zonal
  regions     = [region.us-east-1, region.us-west-2]
  writes      = [data.documents]
}

data "documents" { # want: data.documents rpo=15m zone_rpo=0s
  owner   = service.archive
  product = "aws.s3"
  size    = "2TiB"
}
