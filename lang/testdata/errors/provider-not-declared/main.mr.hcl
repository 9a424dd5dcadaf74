# A module that declares its providers must declare every built-in catalog
# it draws a region or a product from (Terraform's required_providers).
provider "aws" {}

region "us-east-1" {
  provider = "aws"
}

region "us-central1" {
  provider = "gcp" # warning: Provider not declared
}

service "ledger" {
  regions = [region.us-east-1, region.us-central1]
  rpo     = "1m"
  rto     = "5m"
}

data "accounts" {
  owner   = service.ledger
  product = "gcp.spanner" # warning: Provider not declared # error: Product in another provider's region
}

data "events" {
  owner   = service.ledger
  product = "aws.dynamodbx" # error: Unknown product
}
