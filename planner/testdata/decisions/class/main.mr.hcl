# SPEC §5.2: rows tried in order, first match wins: regenerable, critical
# (loss tolerance 0, or realtime with global uniqueness), important (loss
# tolerance ≤ 1h), reference (read_rate ≥ 10 × write_rate), bulk.

service "writer" {
  rpo     = "30s"
  rto     = "1h"
  regions = [region.a, region.b]
  writes  = [data.derived]
}

service "lax" {
  rpo     = "2h"
  rto     = "1d"
  regions = [region.a, region.b]
  writes  = [data.derived]
}

data "regen-wins" { # want: data.regen-wins class=regenerable rpo=none mechanisms=regenerate
  owner          = service.writer
  product        = "t.syncdb"
  regenerable    = true
  loss_tolerance = "none"
}

data "zero-loss" { # want: data.zero-loss class=critical loss=0s
  owner          = service.writer
  product        = "t.syncdb"
  loss_tolerance = "none"
}

data "realtime-unique" { # want: data.realtime-unique class=critical
  owner          = service.lax
  product        = "t.syncdb"
  realtime       = true
  uniqueness     = "global"
  loss_tolerance = "1d"
}

data "realtime-only" { # want: data.realtime-only class=bulk
  owner          = service.lax
  product        = "t.syncdb"
  realtime       = true
  loss_tolerance = "1d"
}

data "exactly-1h" { # want: data.exactly-1h class=important loss=1h
  owner          = service.writer
  product        = "t.asyncdb"
  loss_tolerance = "1h"
}

data "just-over-1h" { # want: data.just-over-1h class=bulk
  owner          = service.writer
  product        = "t.asyncdb"
  loss_tolerance = "1h1s"
}

data "derived" { # want: data.derived class=important loss=30s
  owner   = service.lax
  product = "t.asyncdb"
}

data "ten-times" { # want: data.ten-times class=reference mechanisms=async-replication,secondary-read
  owner          = service.writer
  product        = "t.asyncdb"
  loss_tolerance = "4h"
  write_rate     = 10
  read_rate      = 100
}

data "nine-times" { # want: data.nine-times class=bulk mechanisms=backup-restore
  owner          = service.writer
  product        = "t.asyncdb"
  loss_tolerance = "4h"
  write_rate     = 10
  read_rate      = 99.9
}

data "reference-wins-over-bulk-only" { # want: data.reference-wins-over-bulk-only class=important
  owner          = service.writer
  product        = "t.asyncdb"
  loss_tolerance = "1h"
  write_rate     = 1
  read_rate      = 1000
}

data "no-writer-rpo" { # want: data.no-writer-rpo class=bulk loss=unknown
  owner   = service.unknown-rpo
  product = "t.asyncdb"
}

service "unknown-rpo" {
  regions = [region.a]
}
