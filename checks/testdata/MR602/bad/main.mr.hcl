# Mainland player data owned by a service that runs only outside mainland
# China: no region it may run in can hold the data.
provider "alicloud" {}

region "cn-hongkong" {}
region "ap-northeast-1" {}

service "game" {
  criticality    = "important"
  failover_drill = "2026-11-01"
  regions     = [region.cn-hongkong, region.ap-northeast-1]
}

data "players" {
  owner     = service.game
  product   = "alicloud.polardb-mysql"
  residency = ["CN"] # want: MR602
}
