# A card processor on AWS (Virginia primary, Oregon secondary) with a GCP
# secondary in Iowa for the authorizer, reviewed as a design review would.
provider "aws" {}
provider "gcp" {}

region "us-east-1" {
  provider = "aws"
}

region "us-west-2" {
  provider = "aws"
}

region "us-east4" {
  provider = "gcp"
}

region "us-central1" {
  provider = "gcp"
}

audience "east" {
  share = 0.55
  near  = region.us-east-1
}

audience "west" {
  share = 0.45
  near  = region.us-west-2
}

objective "authorization" {
  rpo          = "1s"
  rto          = "1m"
  availability = "99.99%"
}

objective "settlement" {
  rpo = "5m"
  rto = "4h"
}

service "authorizer" {
  criticality = "core"
  revenue     = true
  objective   = objective.authorization
  regions     = [region.us-east-1, region.us-west-2]
  depends_on  = [service.fraud-score, dependency.card-network, dependency.dns, dependency.roles]
  writes      = [data.authorizations, data.idempotency-keys]
  call {
    to       = service.fraud-score
    fallback = "approve under the floor limit and score later"
  }
  compensation   = "Declines in a failover are retried by the terminal."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "1s"
  }
}

# The GCP secondary: its own stores, in its own provider's regions.
service "authorizer-gcp" {
  criticality    = "core"
  objective      = objective.authorization
  regions        = [region.us-east4, region.us-central1]
  depends_on     = [dependency.card-network]
  writes         = [data.gcp-authorizations]
  compensation   = "Declines in a failover are retried by the terminal."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "1s"
  }
}

service "fraud-score" {
  criticality = "important"
  rpo         = "1h"
  rto         = "30m"
  regions     = [region.us-east-1]
  reads       = [data.fraud-models]
}

service "settlement" {
  criticality    = "important"
  objective      = objective.settlement
  regions        = [region.us-east-1, region.us-west-2]
  writes         = [data.ledger]
  failover_drill = "2026-11-20"
  observability {
    replication_lag_alert = "1m"
  }
}

data "authorizations" {
  owner          = service.authorizer
  product        = "aws.aws_dynamodb_table"
  partition_key  = "card_token"
  loss_tolerance = "1s"
}

data "idempotency-keys" {
  owner          = service.authorizer
  product        = "aws.dynamodb"
  uniqueness     = "global"
  loss_tolerance = "1s"
  conflict       = "lww"
}

data "gcp-authorizations" {
  owner          = service.authorizer-gcp
  product        = "gcp.cloud-spanner"
  partition_key  = "card_token"
  loss_tolerance = "1s"
}

data "ledger" {
  owner          = service.settlement
  product        = "aws.aurora-postgres"
  uniqueness     = "global"
  loss_tolerance = "5m"
}

data "fraud-models" {
  owner       = service.fraud-score
  product     = "aws.s3"
  regenerable = true
}

dependency "card-network" {
  kind    = "third-party"
  regions = [region.us-east-1, region.us-east4, region.us-central1]
}

dependency "dns" {
  kind    = "dns"
  product = "aws.route53"
}

dependency "roles" {
  kind    = "identity"
  product = "aws.iam"
}
