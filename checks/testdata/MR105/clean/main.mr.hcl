# Failover by health checks on a regional identity store and a hot
# standby: nothing in the failover path needs a control plane elsewhere.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

service "api" {
  criticality    = "core"
  rpo            = "1m"
  rto            = "5m"
  regions        = [region.us-east-1, region.us-west-2]
  depends_on     = [dependency.secrets]
  compensation   = "Clients retry."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
}

dependency "secrets" {
  kind    = "secrets"
  product = "aws.secrets-manager"
  regions = [region.us-east-1, region.us-west-2]
}
