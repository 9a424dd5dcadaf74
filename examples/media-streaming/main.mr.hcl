# A streaming service spread over three clouds, written to show the
# estimates a reviewer checks first: typical lag against the vendor's bound,
# who triggers each failover, queues that keep no backups, consensus writes
# that wait for the nearest majority, and a paired-only store.
mrplan {
  required_version = ">= 0.1"
}

provider "aws" {}
provider "azure" {}
provider "gcp" {}

region "eastus" { provider = "azure" }
region "westus" { provider = "azure" }
region "centralus" { provider = "azure" }
region "us-east-1" { provider = "aws" }
region "us-west-2" { provider = "aws" }
region "us-east-2" { provider = "aws" }
region "us-east4" { provider = "gcp" }
region "us-east1" { provider = "gcp" }
region "europe-west1" { provider = "gcp" }

objective "core" {
  rpo     = "0s"
  rto     = "5m"
  survive = "region"
}

objective "important" {
  rpo = "1m"
  rto = "30m"
}

objective "payments" {
  rpo = "1m"
  rto = "10m"
}

objective "archive" {
  rpo = "1h"
  rto = "4h"
}

objective "zonal" {
  rpo     = "1m"
  rto     = "1h"
  survive = "zone"
}

# The title catalogue commits through Spanner in Virginia; the witness in
# South Carolina completes the majority, so a write waits for it, not for
# Belgium.
service "catalogue" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east4, region.europe-west1]
  witness        = region.us-east1
  writes         = [data.titles]
  compensation   = "Catalogue edits made during a failover are re-applied from the editors' drafts."
  failover_drill = "2026-11-10"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "1s"
  }
}

data "titles" {
  owner          = service.catalogue
  product        = "gcp.spanner"
  size           = "300GB"
  write_rate     = 40
  read_rate      = 30000
  loss_tolerance = "none"
  sync           = ["sync-replication", "message-queue"]
}

# Viewer profiles on Cosmos DB: the estimate is the typical second of lag,
# the "< 15 min" Microsoft documents is the worst case beside it.
service "profiles" {
  criticality    = "important"
  objective      = objective.important
  regions        = [region.eastus, region.westus]
  witness        = region.centralus
  writes         = [data.profiles]
  failover_drill = "2026-11-02"
  observability {
    replication_lag_alert = "10s"
  }
}

data "profiles" {
  owner          = service.profiles
  product        = "azure.cosmos-db"
  size           = "2TB"
  write_rate     = 800
  read_rate      = 20000
  loss_tolerance = "1m"
}

# Subscriptions on Azure SQL: the automated, customer-initiated geo-failover
# takes about 30 s; the Microsoft-managed policy would wait an hour first.
service "billing" {
  criticality    = "important"
  objective      = objective.payments
  regions        = [region.eastus, region.westus]
  witness        = region.centralus
  writes         = [data.subscriptions]
  failover_drill = "2026-10-20"
  observability {
    replication_lag_alert = "10s"
  }
}

data "subscriptions" {
  owner          = service.billing
  product        = "azure.sql-database"
  size           = "500GB"
  write_rate     = 200
  loss_tolerance = "1m"
}

# Invoices kept as documents in geo-redundant storage, which copies East US
# to its fixed pair, West US, where the standby runs. A GRS account failover
# takes about an hour, so the archive's objective allows four.
service "invoicing" {
  criticality    = "important"
  objective      = objective.archive
  regions        = [region.eastus, region.westus]
  writes         = [data.invoices]
  failover_drill = "2026-10-20"
  observability {
    replication_lag_alert = "15m"
  }
}

data "invoices" {
  owner          = service.invoicing
  product        = "azure.storage-grs"
  size           = "20TB"
  write_rate     = 50
  loss_tolerance = "30m"
}

# Playback events go through SQS, which keeps no backups: they may lose a
# few seconds, so the producers publish every event to the queues of both
# regions.
service "playback" {
  criticality    = "important"
  objective      = objective.important
  regions        = [region.us-east-1, region.us-west-2]
  witness        = region.us-east-2
  writes         = [data.play-events]
  failover_drill = "2026-11-05"
  observability {
    replication_lag_alert = "10s"
  }
}

data "play-events" {
  owner          = service.playback
  product        = "aws.sqs"
  write_rate     = 30000
  loss_tolerance = "10s"
}

# Thumbnails only have to survive the loss of a zone: S3 keeps synchronous
# copies across the zones of us-east-1, so the RPO judged is zero, though
# cross-region replication would trail by minutes.
service "thumbnails" {
  criticality = "auxiliary"
  objective   = objective.zonal
  regions     = [region.us-east-1]
  writes      = [data.thumbnails]
}

data "thumbnails" {
  owner          = service.thumbnails
  product        = "aws.s3"
  size           = "80TB"
  write_rate     = 500
  loss_tolerance = "1m"
}
