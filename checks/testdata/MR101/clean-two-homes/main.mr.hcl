# The international gateway runs in Tokyo and calls matchmaking, which runs
# in Shanghai and Hangzhou. No single region's loss takes matchmaking away;
# only losing both (the country) would, which is beyond the gateway's
# region-scoped objective: the scenario matrix shows it, MR101 does not.
provider "alicloud" {}

region "cn-shanghai" {}
region "cn-hangzhou" {}
region "ap-northeast-1" {}
region "ap-southeast-1" {}

service "matchmaking" {
  criticality    = "important"
  rpo            = "1m"
  rto            = "30m"
  regions        = [region.cn-shanghai, region.cn-hangzhou]
  failover_drill = "2026-11-20"
}

service "gateway" {
  criticality    = "important"
  rpo            = "1m"
  rto            = "30m"
  regions        = [region.ap-northeast-1, region.ap-southeast-1]
  depends_on     = [service.matchmaking]
  failover_drill = "2026-11-20"
}
