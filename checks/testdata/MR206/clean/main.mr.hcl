# The balances accept the second of lag DynamoDB global tables usually
# have, and the payout events, which may lose a minute, are published to SQS
# queues in two regions (the planner's dual publish), so a region loss
# takes none of them.
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
  writes         = [data.balances, data.payouts]
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
  conflict       = "lww"
  loss_tolerance = "5s"
}

data "payouts" {
  owner          = service.payments
  product        = "aws.sqs"
  loss_tolerance = "1m"
}
