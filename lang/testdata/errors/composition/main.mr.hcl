region "r" {
  city    = "Dublin"
  country = "IE"
  lat     = 53.35
  lon     = -6.26
}

variable "names" {
  type    = list(string)
  default = ["a", "b"]
}

variable "size" {
  type    = number
  default = "big" # error: Invalid default value for variable
}

variable "tier" {
  default = 3
  validation {
    condition     = var.tier < 3 # error: Invalid value for variable
    error_message = "Tier is 0, 1 or 2."
  }
}

locals {
  a = local.b # error: Cycle in local values
  b = local.a
  c = local.c # error: Cycle in local values
  d = "ok"
}

service "loop" {
  description = local.a
  regions     = [region.r]
}

service "typo" {
  description = var.nmaes[0] # error: Reference to undeclared input variable
  criticality = local.dd     # error: Reference to undeclared local value
  regions     = [region.r]
}

service "list" {
  for_each = var.names # error: Invalid for_each argument
  regions  = [region.r]
}

service "huge" {
  count   = 20000 # error: Invalid count argument
  regions = [region.r]
}

service "stray" {
  description = each.key # error: Reference to "each" in context without for_each
  regions     = [region.r]
}

service "each" {
  for_each    = toset(var.names)
  criticality = each.key # error: Invalid value # error: Invalid value
  regions     = [region.r]
  depends_on  = [service.huge[0], service.list["a"]]
}

service "whole" {
  regions = [region.r]
  primary = service.each # error: Invalid reference kind
}

service "strings" {
  count   = 1
  regions = ["r"] # error: Invalid reference
}

service "byname" {
  count   = 1
  regions = [region["r"]]
  depends_on = [service.each] 
  objective  = service.each["a"] # error: Invalid reference kind
}

data "rows" { # error: Missing required argument
  count = 2
  owner = service.each # error: Missing instance key
}
