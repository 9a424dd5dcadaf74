# The service accepts 30 seconds of loss, but the balances it writes say
# they may lose none at all, and DynamoDB global tables replicate
# asynchronously.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "payments" {
  rpo = "30s"
  rto = "5m"
}

service "payments" {
  criticality    = "core"
  objective      = objective.payments
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  writes         = [data.balances]
  compensation   = "Payments lost in a failover are replayed from the processor's report."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "5s"
  }
}

data "balances" {
  owner          = service.payments
  product        = "aws.dynamodb"
  loss_tolerance = "none" # want: MR206
  sync           = ["async-replication", "message-queue"]
}
