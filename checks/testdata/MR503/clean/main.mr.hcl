# A five-second ttl leaves the RTO to the failover itself.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

service "login" {
  criticality    = "core"
  rto            = "1m"
  regions        = [region.us-east-1, region.us-west-2]
  compensation   = "Users who cannot sign in see a status page."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "5s"
  }
}
