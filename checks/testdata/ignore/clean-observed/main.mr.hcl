# An ignore of an observed check is not unused when validate runs without
# --observe: the check had no evidence to judge.
provider "aws" {}

region "eu-central-1" {}
region "eu-west-1" {}

# mrplan-ignore: MR106 -- the batch exporter's calls are reviewed by the data team
service "exporter" {
  criticality = "auxiliary"
  regions     = [region.eu-central-1, region.eu-west-1]
}
