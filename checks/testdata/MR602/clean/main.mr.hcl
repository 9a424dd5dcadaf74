# The same data, allowed in Hong Kong as well: satisfiable, and satisfied.
provider "alicloud" {}

region "cn-shanghai" {}
region "cn-hongkong" {}

service "game" {
  criticality    = "important"
  failover_drill = "2026-11-01"
  regions     = [region.cn-shanghai, region.cn-hongkong]
}

data "players" {
  owner     = service.game
  product   = "alicloud.polardb-mysql"
  residency = ["CN", "HK"]
}
