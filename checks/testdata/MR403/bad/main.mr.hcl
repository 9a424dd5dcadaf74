# The report generator is auxiliary but made active-active.
provider "aws" {}

region "us-east-1" {}
region "eu-west-1" {}

service "reports" {
  criticality = "auxiliary"
  regions     = [region.us-east-1, region.eu-west-1]
  topology    = "active-active" # want: MR403
}
