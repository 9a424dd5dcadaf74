# checkout fails over between us-east-1 and eu-west-1 by DNS. Route 53's
# data plane answers from everywhere, so losing us-east-1 takes nothing
# away: no hidden single-region dependency. Its control plane lives in
# us-east-1, though, so records cannot be edited while us-east-1 is lost:
# a warning (MR105), on the call.
provider "aws" {}

region "us-east-1" {}
region "eu-west-1" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "checkout" {
  criticality = "core"
  objective   = objective.core
  regions     = [region.us-east-1, region.eu-west-1]
  depends_on = [
    dependency.dns, # want: MR105
  ]
  compensation   = "Failed checkouts are retried from the saved cart."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

dependency "dns" {
  kind    = "dns"
  product = "aws.route53"
}
