# A value argument cannot read another block's attributes: the message says
# where references may stand and how to reuse an objective instead.
provider "aws" {}

region "us-east-1" {}

objective "gold" {
  rpo = "1m"
  rto = "5m"
}

service "ledger" {
  regions = [region.us-east-1]
  rpo     = objective.gold.rpo # error: References not allowed here
  rto     = "5m"
}
