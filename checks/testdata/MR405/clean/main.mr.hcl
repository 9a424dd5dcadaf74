# The same service with a standby sized to carry all of the traffic: statically
# stable, as the Well-Architected reliability pillar (REL11) asks.
provider "aws" {}

region "us-east-1" {
  capacity = 5000
}
region "us-west-2" {}

objective "important" {
  rpo = "1m"
  rto = "4h"
}

service "checkout" {
  objective      = objective.important
  regions        = [region.us-east-1, region.us-west-2]
  failover_drill = "2026-11-01"
  traffic {
    rps = 3000
  }
  capacity {
    us-west-2 = 3000
  }
}
