# Everything here names something from a.mr.hcl, which does not parse:
# nothing is reported until it does.
region "x" {}

service "api" {
  regions = [region.x]
}

data "d" {
  owner   = service.api
  product = "corp.db"
}

data "e" {
  owner   = service.api
  product = "corp" # error: Invalid product
}
