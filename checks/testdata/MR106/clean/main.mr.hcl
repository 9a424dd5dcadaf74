provider "aws" {}

region "eu-central-1" {}
region "eu-west-1" {}

service "checkout" {
  criticality    = "core"
  regions        = [region.eu-central-1, region.eu-west-1]
  depends_on     = [service.payments, dependency.stripe, service.fraud-score]
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

service "reports" {
  criticality = "auxiliary"
  regions     = [region.eu-central-1]
  observe {
    vpcs = ["vpc-0b0b0b0b"]
  }
}

service "fraud-score" {
  criticality    = "core"
  regions        = [region.eu-central-1, region.eu-west-1]
  compensation   = "score later"
  failover_drill = "2026-11-20"
}

dependency "stripe" {
  kind     = "third-party"
  global   = true
  fallback = "queue and retry"
  observe {
    hosts = ["*.stripe.com"]
  }
}
