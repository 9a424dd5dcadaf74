# The mainland game fails over to Hong Kong, which is not mainland China:
# the standby's replica is a copy outside the residency.
provider "alicloud" {}

region "cn-shanghai" {}
region "cn-beijing" {}
region "cn-hongkong" {}
region "ap-southeast-1" {}

objective "game" {
  rpo = "1m"
  rto = "4h"
}

service "cn-game" {
  objective      = objective.game
  regions        = [region.cn-shanghai, region.cn-hongkong]
  writes         = [data.cn-players]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "30s"
  }
}

service "leaderboard" {
  objective      = objective.game
  regions        = [region.ap-southeast-1, region.cn-hongkong]
  reads          = [data.cn-players]
  writes         = [data.global-scores]
  failover_drill = "2026-11-01"
  observability {
    replication_lag_alert = "30s"
  }
}

data "cn-players" {
  owner      = service.cn-game
  product    = "alicloud.rds-mysql"
  residency  = ["CN"] # want: MR601
  write_rate = 200
}

data "global-scores" {
  owner   = service.leaderboard
  product = "alicloud.rds-mysql"
}
