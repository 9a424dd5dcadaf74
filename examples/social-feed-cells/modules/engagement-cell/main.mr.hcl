# An engagement cell: an important, active-active service in every serving
# region, and the one data class it owns, whose conflicts resolve without
# a single writer (conflict = "crdt" or "lww"). A cell declares no region:
# it indexes the root module's regions by name.

variable "description" {
  type = string
}

variable "regions" {
  type = list(string)
}

variable "objective" {
  description = "The objective the service must meet, a reference such as objective.feed."
}

variable "lag_alert" {
  type        = string
  description = "Alert when replication lag exceeds this."
}

variable "health_checks" {
  type    = bool
  default = true
}

variable "traffic" {
  type = object({
    rps        = number
    read_ratio = number
  })
  default = null
}

variable "data" {
  type = object({
    product        = string
    size           = string
    write_rate     = number
    read_rate      = number
    conflict       = string
    loss_tolerance = string
  })
  validation {
    condition     = contains(["crdt", "lww"], var.data.conflict)
    error_message = "An engagement cell's data must resolve conflicts itself: crdt or lww."
  }
}

service "api" {
  description = var.description
  criticality = "important"
  objective   = var.objective
  regions     = [for r in var.regions : region[r]]
  topology    = "active-active"

  writes = [data.store]

  traffic {
    rps        = try(var.traffic.rps, null)
    read_ratio = try(var.traffic.read_ratio, null)
  }

  failover_drill = "2026-11-10"

  observability {
    replication_lag_alert = var.lag_alert
    health_checks         = var.health_checks
  }
}

data "store" {
  owner          = service.api
  product        = var.data.product
  size           = var.data.size
  write_rate     = var.data.write_rate
  read_rate      = var.data.read_rate
  conflict       = var.data.conflict
  loss_tolerance = var.data.loss_tolerance
}

output "api" {
  value = service.api
}

output "store" {
  value = data.store
}
