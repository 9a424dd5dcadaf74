variable "regions" {
  type = list(string)
}

region "own" {} # error: Region block in a child module

service "svc" {
  regions = [for r in var.regions : region[r]]
}

output "svc" {
  value = service.svc
}
