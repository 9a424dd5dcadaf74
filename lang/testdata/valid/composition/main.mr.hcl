# Variables, locals, for_each, count and a child module that calls another.
provider "aws" {}

variable "regions" {
  type        = list(string)
  default     = ["us-east-1", "eu-west-1"]
  description = "Where the cells run."
}

variable "tiers" {
  type = map(object({
    rpo = string
    rto = optional(string, "5m")
  }))
  default = {
    gold   = { rpo = "0s", rto = "1m" }
    silver = { rpo = "1m" }
  }
}

variable "workers" {
  type    = number
  default = 2
  validation {
    condition     = var.workers >= 1 && var.workers <= 10
    error_message = "Between 1 and 10 workers."
  }
}

locals {
  home    = local.regions[0]
  regions = [for r in var.regions : region[r]]
  prefix  = upper(substr(var.regions[0], 0, 2))
}

region "us-east-1" {}
region "eu-west-1" {}

objective "tier" {
  for_each = var.tiers
  rpo      = each.value.rpo
  rto      = each.value.rto
}

service "api" {
  for_each    = toset(var.regions)
  description = "${local.prefix} api in ${each.key}"
  regions     = [region[each.key]]
  objective   = objective.tier["silver"]
  depends_on  = [service.worker, module.cell.store]
}

service "worker" {
  count       = var.workers
  description = format("worker %d", count.index)
  regions     = local.regions
  primary     = local.home
}

module "cell" {
  source  = "./cells/cell"
  regions = var.regions
}

output "api" {
  value = service.api
}

moved {
  from = service.frontend
  to   = service.api["us-east-1"]
}

region "extra" {
  for_each = toset(["ap-south-1"])
}

dependency "dns" {
  count  = 2
  kind   = "dns"
  global = true
}

audience "users" {
  for_each = { eu = 0.4, us = 0.6 }
  share    = each.value
  near     = region["${each.key == "eu" ? "eu" : "us"}-${each.key == "eu" ? "west" : "east"}-1"]
}
