provider "aws" {}

region "eu-west-1" {
  capacity = 2000
}
region "eu-central-1" {}

service "accounts" {
  regions = [region.eu-west-1, region.eu-central-1]
  capacity {
    eu-central-1 = 800
  }
}

data "customers" {
  owner     = service.accounts
  product   = "aws.aurora-postgresql"
  residency = ["EU", "GB", "EEA", "CN"]
}
