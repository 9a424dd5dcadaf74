provider "aws" {}

region "eu-central-1" {}
region "eu-west-1" {}

service "checkout" {
  criticality    = "core"
  regions        = [region.eu-central-1, region.eu-west-1]
  depends_on     = [dependency.secrets, dependency.sts] # want: MR106 MR107 MR107
  compensation   = "retry later"
  failover_drill = "2026-11-20"
  observe {
    vpcs = ["vpc-0a1b2c3d", "vpc-0e1f2a3b"]
  }
}

dependency "secrets" {
  kind    = "secrets"
  product = "aws.secrets-manager"
  regions = [region.eu-central-1, region.eu-west-1]
}

dependency "sts" {
  kind   = "identity"
  global = true
}
