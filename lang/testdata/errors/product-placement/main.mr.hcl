# A card processor on AWS with a GCP secondary: each provider's stores must
# live in that provider's regions, and product names are the ones engineers
# and Terraform write.
provider "aws" {}
provider "gcp" {}

region "us-east-1" {
  provider = "aws"
}

region "us-central1" {
  provider = "gcp"
}

service "authorizer" {
  regions = [region.us-east-1, region.us-central1]
  rpo     = "0s"
  rto     = "1m"
  writes  = [data.authorizations]
}

service "settlement" {
  regions = [region.us-east-1]
  rpo     = "1m"
  rto     = "1h"
}

data "authorizations" {
  owner   = service.settlement
  product = "aws.aws_dynamodb_table" # error: Product in another provider's region
}

data "batches" {
  owner   = service.settlement
  product = "aws.aurora-postgres"
}

data "receipts" {
  owner   = service.settlement
  product = "aws.aws_s3_buckett" # error: Unknown product
}

dependency "edge" {
  kind    = "cdn"
  product = "aws.cloudfront"
  global  = true
}

dependency "workers" {
  kind    = "compute"
  product = "aws.cloudfront" # error: Product does not fit
}

dependency "kms" {
  kind    = "secrets"
  product = "aws.aws_kms_key" # error: Product in another provider's region
  regions = [region.us-east-1, region.us-central1]
}
