# A European card processor runs in Ireland and Frankfurt only, but its
# failover edits Route 53 records and its workers assume roles through
# IAM: both control planes live in us-east-1, which the module never
# declares. They are known from the catalog all the same.
provider "aws" {}

region "eu-west-1" {}
region "eu-central-1" {}

service "authorizer" {
  criticality = "core"
  rpo         = "1s"
  rto         = "5m"
  regions     = [region.eu-west-1, region.eu-central-1]
  depends_on = [
    dependency.dns,   # want: MR105
    dependency.roles, # want: MR105
  ]
  compensation   = "Declined authorizations are retried by the terminal."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
}

dependency "dns" {
  kind    = "dns"
  product = "aws.route53"
}

dependency "roles" {
  kind    = "identity"
  product = "aws.iam"
}
