# The payout events may lose a minute, but they sit in an SQS queue in one
# region, which keeps no backups: a region loss takes the whole backlog in
# flight (5m by the queue_backlog assumption).
provider "aws" {}

region "us-east-1" {}

service "notifier" {
  criticality = "auxiliary"
  regions     = [region.us-east-1]
  writes      = [data.payouts]
}

data "payouts" {
  owner          = service.notifier
  product        = "aws.sqs"
  loss_tolerance = "1m" # want: MR206
}
