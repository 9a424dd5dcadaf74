# Product references in the names users write: short names, former vendor
# names and Terraform resource types, each in its own provider's regions.
provider "aws" {}
provider "gcp" {}
provider "azure" {}
provider "alicloud" {}
provider "generic" {}

region "us-east-1" {
  provider = "aws"
}

region "us-central1" {
  provider = "gcp"
}

region "westeurope" {
  provider = "azure"
}

region "cn-shanghai" {
  provider = "alicloud"
}

service "api" {
  regions = [region.us-east-1]
  rpo     = "1m"
  rto     = "5m"
}

service "reports" {
  regions = [region.us-central1]
  rpo     = "1h"
  rto     = "4h"
}

service "tenants" {
  regions = [region.westeurope]
  rpo     = "1m"
  rto     = "15m"
}

service "matches" {
  regions = [region.cn-shanghai]
  rpo     = "1m"
  rto     = "15m"
}

data "sessions" {
  owner   = service.api
  product = "aws.redis"
}

data "orders" {
  owner   = service.api
  product = "aws.aws_dynamodb_table"
}

data "exports" {
  owner   = service.reports
  product = "gcp.cloud-storage"
}

data "archive" {
  owner   = service.reports
  product = "gcp.google_storage_bucket"
}

data "tenants" {
  owner   = service.tenants
  product = "azure.azurerm_cosmosdb_account"
}

data "players" {
  owner   = service.matches
  product = "alicloud.alicloud_polardb_cluster"
}

data "shared" {
  owner   = service.api
  product = "generic.postgres"
}

dependency "edge" {
  kind    = "cdn"
  product = "gcp.cdn"
  global  = true
}
