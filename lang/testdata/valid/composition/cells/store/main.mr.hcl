variable "region" {
  type = string
}

service "blob" {
  regions = [region[var.region]]
}

output "service" {
  value = service.blob
}
