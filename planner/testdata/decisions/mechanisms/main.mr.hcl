# SPEC §5.3: the catalog, the loss tolerance and the write latency budget
# choose the channels; critical data gets a second one.

service "near" {
  criticality = "core"
  rpo         = "0s"
  rto         = "1m"
  regions     = [region.a, region.b]
  writes      = [data.sync-near, data.semi-near, data.async-critical, data.no-replication, data.important-fast, data.important-lagging]
}

service "far" {
  criticality          = "core"
  rpo                  = "0s"
  rto                  = "1m"
  regions              = [region.a, region.c]
  writes               = [data.sync-far, data.forced-sync, data.forced-far]
}

service "store" {
  criticality = "auxiliary"
  regions     = [region.a, region.b]
  writes      = [data.big, data.small]
}

# 333 km apart: the fitted model gives 11ms (floor 3.3ms × the pooled
# factor plus the pooled overhead), within 50ms.
data "sync-near" { # want: data.sync-near class=critical mechanisms=sync-replication,message-queue replication=sync rpo=0s penalty=11ms notes=
  owner          = service.near
  product        = "t.syncdb"
  loss_tolerance = "none"
}

# 6,672 km apart: sync would add 109.3ms, over the 50ms budget; the planner
# still keeps zero loss but says so.
data "sync-far" { # want: data.sync-far mechanisms=sync-replication,message-queue penalty=109.3ms notes=sync-over-budget
  owner          = service.far
  product        = "t.syncdb"
  loss_tolerance = "none"
}

data "semi-near" { # want: data.semi-near mechanisms=semi-sync-replication,message-queue replication=semi-sync rpo=0s penalty=11ms
  owner          = service.near
  product        = "t.semidb"
  loss_tolerance = "none"
}

data "async-critical" { # want: data.async-critical mechanisms=async-replication,message-queue replication=async rpo=2s notes=no-zero-loss-channel
  owner          = service.near
  product        = "t.asyncdb"
  loss_tolerance = "none"
}

data "no-replication" { # want: data.no-replication mechanisms=message-queue,backup-restore replication=none rpo=1d notes=no-zero-loss-channel
  owner          = service.near
  product        = "t.local"
  loss_tolerance = "none"
}

data "important-fast" { # want: data.important-fast class=important mechanisms=async-replication rpo=2s
  owner          = service.near
  product        = "t.asyncdb"
  loss_tolerance = "2s"
}

# The lag (1s) is over the loss tolerance (500ms), and sync fits the budget.
data "important-lagging" { # want: data.important-lagging class=important mechanisms=sync-replication rpo=0s
  owner          = service.near
  product        = "t.syncdb"
  loss_tolerance = "500ms"
}

data "forced-sync" { # want: data.forced-sync mechanisms=sync-replication,message-queue notes=mechanism-not-offered rpo=1d
  owner          = service.far
  product        = "t.asyncdb"
  loss_tolerance = "none"
  sync           = ["sync-replication", "message-queue"]
}

data "forced-far" { # want: data.forced-far mechanisms=sync-replication notes=sync-over-budget,single-channel
  owner          = service.far
  product        = "t.synconly"
  loss_tolerance = "none"
  sync           = ["sync-replication"]
}

data "big" { # want: data.big class=bulk mechanisms=async-replication,backup-restore rpo=15m
  owner          = service.store
  product        = "t.blob"
  loss_tolerance = "1d"
  size           = "1TiB"
}

data "small" { # want: data.small class=bulk mechanisms=backup-restore rpo=1d
  owner          = service.store
  product        = "t.blob"
  loss_tolerance = "1d"
  size           = "1099511627775B"
}

# A catalog entry without a lag says nothing about what a failover loses:
# the replica is kept, but only the backups count for the RPO.
data "unknown-lag" { # want: data.unknown-lag class=important mechanisms=async-replication rpo=1d
  owner          = service.store
  product        = "t.nolag"
  loss_tolerance = "30m"
}
