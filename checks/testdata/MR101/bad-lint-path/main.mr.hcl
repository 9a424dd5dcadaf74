# Under lint, checkout's manifest edge to payments is judged: payments runs
# in every region, but it needs the gateway, reachable only from us-east-1.
# The finding names that cause down the path, not payments' own regions.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "checkout" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-west-2, region.eu-west-1]
  depends_on     = [service.payments]
  compensation   = "Failed orders are retried by the client."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

service "payments" {
  criticality    = "core"
  objective      = objective.core
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  depends_on     = [dependency.gateway]
  compensation   = "Payments are queued and retried."
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

dependency "gateway" {
  kind    = "third-party"
  regions = [region.us-east-1]
}
