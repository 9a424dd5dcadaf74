# Login is the business's front door, and it lives in one region.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "core" {
  rpo = "1m"
  rto = "5m"
}

service "login" {
  criticality  = "core"
  objective    = objective.core
  regions      = [region.us-east-1] # want: MR401
  compensation = "Users who cannot sign in see a status page."
}
