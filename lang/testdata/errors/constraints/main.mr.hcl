provider "aws" {}

region "eu-west-1" {
  capacity = -100 # error: Value out of range
}
region "eu-central-1" {
  capacity = "lots" # error: Incorrect attribute value type
}
region "us-east-1" {}

service "accounts" {
  regions = [region.eu-west-1, region.eu-central-1]
  capacity {
    eu-west-1    = 1200
    eu-centrl-1  = 800   # error: Capacity for a region the service does not list
    us-east-1    = 500   # error: Capacity for a region the service does not list
    eu-central-1 = -3    # error: Value out of range
  }
}

data "customers" {
  owner     = service.accounts
  product   = "aws.aurora-postgresql"
  residency = [
    "EU",
    "eu",      # error: Unknown jurisdiction
    "Germany", # error: Unknown jurisdiction
    "XX",      # error: Unknown jurisdiction
  ]
}

data "ledger" {
  owner     = service.accounts
  product   = "aws.aurora-postgresql"
  residency = [] # error: Empty residency
}

data "notes" {
  owner     = service.accounts
  product   = "aws.aurora-postgresql"
  residency = "EU" # error: Incorrect attribute value type
}
