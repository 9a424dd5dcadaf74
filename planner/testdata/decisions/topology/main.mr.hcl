# SPEC §5.4 topology and standby: tier 0 → active-active, tier 1 →
# active-passive (hot ≤ 1m, warm ≤ 30m, cold above), tier 2 → single-region
# or a cold standby; explicit topology is honoured and checked. Where that
# starting point misses the rto, it is escalated (see ../escalation).

service "tier0" { # want: service.tier0 topology=active-active standby=none active=a,b standbys= routing=latency failover=automatic pattern=cross-city
  criticality = "core"
  regions     = [region.a, region.b]
}

service "hot" { # want: service.hot topology=active-passive standby=hot active=b standbys=a routing=failover primary=b
  criticality = "important"
  rto         = "1m"
  rpo         = "1m"
  regions     = [region.a, region.b]
  primary     = region.b
}

service "warm-30m" { # want: service.warm-30m standby=warm failover=automatic
  criticality = "important"
  rto         = "30m"
  rpo         = "1m"
  regions     = [region.a, region.b]
}

service "cold-31m" { # want: service.cold-31m standby=warm
  criticality = "important"
  rto         = "31m"
  rpo         = "1m"
  regions     = [region.a, region.b]
}

service "tier1-fast" { # want: service.tier1-fast failover=automatic
  criticality = "important"
  rto         = "14m59s"
  rpo         = "1m"
  regions     = [region.a, region.b]
}

service "tier1-15m" { # want: service.tier1-15m failover=automatic
  criticality = "important"
  rto         = "15m"
  rpo         = "1m"
  regions     = [region.a, region.b]
}

service "tier2-one" { # want: service.tier2-one topology=single-region standby=none routing=auto failover=manual rto=unbounded pattern=same-city
  criticality = "auxiliary"
  regions     = [region.a]
}

service "tier2-two" { # want: service.tier2-two topology=active-passive standby=cold provision=1h decision=30m
  criticality = "auxiliary"
  regions     = [region.a, region.c]
}

service "same-city" { # want: service.same-city pattern=same-city
  criticality = "core"
  regions     = [region.a, region.a2]
}

service "cross-country" { # want: service.cross-country pattern=cross-country
  criticality = "core"
  regions     = [region.a, region.b, region.c]
}

service "forced-aa" { # want: service.forced-aa topology=active-active notes=topology-needs-regions
  criticality = "auxiliary"
  topology    = "active-active"
  regions     = [region.a]
}

service "forced-single" { # want: service.forced-single topology=single-region active=a standbys=
  criticality = "core"
  topology    = "single-region"
  regions     = [region.a, region.b]
}

service "zone-survivor" { # want: service.zone-survivor topology=single-region rto=1m detection=30s promotion=30s
  criticality = "auxiliary"
  objective   = objective.zone
  regions     = [region.a]
  writes      = [data.zoned]
}

objective "zone" {
  rpo     = "1d"
  rto     = "1h"
  survive = "zone"
}

data "zoned" {
  owner   = service.zone-survivor
  product = "t.syncdb"
}

# A cold standby restores data that only backups carry: 1TB at the default
# 500GB an hour is 2h, on top of detection, promotion, DNS ttl, the manual
# decision and provisioning.
service "restorer" { # want: service.restorer standby=cold restore=2h provision=1h decision=30m promotion=1m rto=3h32m30s
  criticality = "auxiliary"
  regions     = [region.a, region.b]
  writes      = [data.archive]
}

data "archive" { # want: data.archive class=bulk mechanisms=backup-restore replication=none
  owner          = service.restorer
  product        = "t.asyncdb"
  size           = "1TB"
  loss_tolerance = "1d"
}

service "one-zone" { # want: service.one-zone topology=single-region pattern=single-region
  criticality = "auxiliary"
  regions     = [region.a2]
}

service "forced-failover" { # want: service.forced-failover failover=automatic notes=failover-no-target
  criticality = "auxiliary"
  failover    = "automatic"
  regions     = [region.a]
}
