# A game backend in mainland China (Shanghai, Hangzhou) with an
# international gateway in Tokyo on two clouds. International sign-in is
# only called for international players.
provider "alicloud" {}
provider "aws" {}
provider "generic" {}

region "cn-shanghai" {
  provider = "alicloud"
}

region "cn-hangzhou" {
  provider = "alicloud"
}

region "tokyo-aws" {
  provider = "aws"
  code     = "ap-northeast-1"
}

region "tokyo-ali" {
  provider = "alicloud"
  code     = "ap-northeast-1"
}

audience "mainland" {
  share = 0.7
  near  = region.cn-shanghai
}

audience "international" {
  share = 0.3
  near  = region.tokyo-aws
}

objective "play" {
  rpo = "1s"
  rto = "5m"
}

service "matchmaking" {
  criticality = "core"
  objective   = objective.play
  regions     = [region.cn-shanghai, region.cn-hangzhou]
  writes      = [data.matches]
  depends_on  = [dependency.wechat-login, dependency.steam-login]
  call {
    to        = dependency.steam-login
    audiences = [audience.international]
  }
  compensation   = "Players whose match is lost get a free rematch token."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
  observability {
    replication_lag_alert = "1s"
  }
}

service "leaderboard" {
  criticality    = "important"
  rpo            = "1m"
  rto            = "10m"
  topology       = "active-active"
  regions        = [region.cn-shanghai, region.cn-hangzhou]
  writes         = [data.scores]
  failover_drill = "2026-11-20"
  observability {
    replication_lag_alert = "10s"
  }
}

service "intl-gateway" {
  criticality    = "core"
  objective      = objective.play
  regions        = [region.tokyo-aws, region.tokyo-ali]
  depends_on     = [service.matchmaking, dependency.steam-login]
  writes         = [data.sessions]
  compensation   = "Players are asked to sign in again."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
}

data "matches" {
  owner          = service.matchmaking
  product        = "alicloud.alicloud_polardb_cluster"
  loss_tolerance = "1s"
}

# Scores are merged by the game servers; Tair keeps each region's write.
data "scores" {
  owner    = service.leaderboard
  product  = "alicloud.tair"
  conflict = "crdt"
}

data "sessions" {
  owner       = service.intl-gateway
  product     = "generic.valkey"
  regenerable = true
}

dependency "wechat-login" {
  kind    = "third-party"
  regions = [region.cn-shanghai, region.cn-hangzhou]
}

dependency "steam-login" {
  kind    = "third-party"
  regions = [region.tokyo-aws, region.tokyo-ali]
}
