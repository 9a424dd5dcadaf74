provider "aws" {}

region "eu-central-1" {}
region "eu-west-1" {}

service "checkout" {
  criticality    = "core"
  regions        = [region.eu-central-1, region.eu-west-1]
  depends_on     = [service.payments] # want: MR106 MR106 MR106
  compensation   = "retry later"
  failover_drill = "2026-11-20"
  observe {
    instances = ["i-0c0ffee0*"]
  }
}

service "payments" {
  criticality    = "core"
  regions        = [region.eu-central-1, region.eu-west-1]
  compensation   = "retry later"
  failover_drill = "2026-11-20"
}

service "reports" { # want: MR106
  criticality = "auxiliary"
  regions     = [region.eu-central-1]
  observe {
    vpcs = ["vpc-0b0b0b0b"]
  }
}
