variable "regions" {
  type = list(string)
}

service "db" {
  regions = [for r in var.regions : region[r]]
  writes  = [data.rows]
}

data "rows" {
  owner   = service.db
  product = "aws.aurora-postgresql"
}

module "store" {
  source = "../store"
  region = var.regions[0]
}

output "store" {
  value = module.store.service
}
