# A China-only business beside a global one: the global leaderboard reads
# mainland player data from Singapore and Hong Kong (which is not mainland
# China) on demand, so no copy leaves the mainland.
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
  regions        = [region.cn-shanghai, region.cn-beijing]
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
  residency  = ["CN"]
  write_rate = 200
}

data "global-scores" {
  owner   = service.leaderboard
  product = "alicloud.rds-mysql"
}
