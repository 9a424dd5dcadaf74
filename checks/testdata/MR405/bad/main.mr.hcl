# Checkout runs active-passive across two regions, but the standby region
# is sized for a fraction of the traffic: after a failover it is swamped.
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
  capacity { # want: MR405
    us-west-2 = 1000
  }
}
