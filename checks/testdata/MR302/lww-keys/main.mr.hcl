# A card processor dedupes authorizations by idempotency key in a DynamoDB
# global table. The keys are globally unique, so the plan keeps one writer,
# yet the module declares last writer wins: under it, a retried request
# that lands in the other region would overwrite the first record.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "us-east-2" {}

service "authorizer" {
  criticality    = "core"
  rpo            = "1s"
  rto            = "5m"
  regions        = [region.us-east-1, region.us-west-2, region.us-east-2]
  writes         = [data.idempotency-keys]
  compensation   = "Duplicate charges are refunded automatically within a day."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "2s"
  }
}

data "idempotency-keys" {
  owner          = service.authorizer
  product        = "aws.aws_dynamodb_table"
  uniqueness     = "global"
  loss_tolerance = "5s"
  conflict       = "lww" # want: MR302
}
