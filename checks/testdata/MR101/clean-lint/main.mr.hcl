# Under lint only the manifests' edges are judged: search's own gap is
# validate's finding, and web's manifest agrees with the module.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "web" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  depends_on     = [dependency.dns]
  compensation   = "Failed requests are retried by the client."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

service "search" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2]
  depends_on     = [dependency.index]
  compensation   = "Searches fall back to browsing."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

dependency "dns" {
  kind   = "dns"
  global = true
}

dependency "index" {
  kind    = "other"
  regions = [region.us-east-1]
}
