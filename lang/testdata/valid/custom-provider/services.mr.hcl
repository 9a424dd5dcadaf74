service "orders" {
  objective  = objective.core
  rto        = "2m"
  regions    = [region.sh-a, region.bj-a]
  witness    = region.gz-a
  depends_on = [service.payments, dependency.sms]
  writes     = [data.orders]

  traffic {
    rps        = 1200
    read_ratio = 0.8
  }
  routing {
    policy = "latency"
  }
  failover_drill = "2026-10-01"
}

service "payments" {
  rpo        = "0s"
  rto        = "1m"
  regions    = [region.sh-a, region.bj-a]
  primary    = region.bj-a
  depends_on = [service.orders] # a cycle, which is allowed
}

data "orders" {
  owner          = service.orders
  product        = "corp.tidb"
  size           = "2TiB"
  realtime       = true
  loss_tolerance = "none"
  sync           = ["sync-replication"]
}

dependency "sms" {
  kind     = "third-party"
  regions  = [region.sh-a]
  fallback = "queue and retry"
}

audience "north" {
  share = 0.4
  near  = region.bj-a
}
