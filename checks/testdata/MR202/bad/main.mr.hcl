# Failing over by hand adds half an hour of decision time to a 15-minute RTO.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}
region "eu-west-1" {}

objective "orders" {
  rpo = "1m"
  rto = "15m"
}

service "orders" {
  criticality    = "important"
  objective      = objective.orders # want: MR202
  regions        = [region.us-east-1, region.us-west-2, region.eu-west-1]
  failover       = "manual"
  failover_drill = "2026-11-01"
  routing {
    dns_ttl = "10s"
  }
}

# A service in one region has no RTO at all: it is down as long as the region.
service "reports" {
  criticality = "auxiliary"
  rto         = "8h" # want: MR202
  regions     = [region.us-east-1]
}
