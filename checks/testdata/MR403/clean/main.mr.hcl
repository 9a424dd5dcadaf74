# The planner gives the report generator a cold standby.
provider "aws" {}

region "us-east-1" {}
region "eu-west-1" {}

service "reports" {
  criticality = "auxiliary"
  regions     = [region.us-east-1, region.eu-west-1]
}
