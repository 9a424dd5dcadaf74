# SPEC §5.4's standby and failover choices are the starting point; where its
# estimated RTO misses the objective and the module does not constrain the
# choice, a cold standby becomes warm, then manual failover automatic, only
# as far as needed (planner/escalate.go). Every service writes data.rows in
# t.asyncdb: detection 30s + promotion 1m + dns ttl 1m = 2m30s, + decision
# 30m when manual, + provisioning 1h when cold.

# Below 15m tier 1 fails over automatically anyway.
service "rto-14m59s" { # want: service.rto-14m59s standby=warm failover=automatic guards=fencing rto=2m30s
  criticality = "important"
  rto         = "14m59s"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

# From 15m a manual failover would take 32m30s: automatic, with guards.
service "rto-15m" { # want: service.rto-15m standby=warm failover=automatic guards=fencing rto=2m30s decision=0s
  criticality = "important"
  rto         = "15m"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

service "rto-20m" { # want: service.rto-20m standby=warm failover=automatic guards=quorum,fencing rto=2m30s
  criticality = "important"
  rto         = "20m"
  regions     = [region.a, region.b, region.c]
  writes      = [data.rows]
}

service "rto-30m" { # want: service.rto-30m standby=warm failover=automatic rto=2m30s
  criticality = "important"
  rto         = "30m"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

# Cold would take 1h32m30s: warm; a manual warm failover (32m30s) is still
# over 31m: automatic too.
service "rto-31m" { # want: service.rto-31m standby=warm failover=automatic rto=2m30s provision=0s
  criticality = "important"
  rto         = "31m"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

# Warm is enough: failover stays manual.
service "rto-1h" { # want: service.rto-1h standby=warm failover=manual guards= rto=32m30s
  criticality = "important"
  rto         = "1h"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

# The starting point meets it: nothing changes.
service "rto-2h" { # want: service.rto-2h standby=cold failover=manual rto=1h32m30s
  criticality = "important"
  rto         = "2h"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

# Tier 2 with a cold standby by tier is escalated the same way.
service "tier2-45m" { # want: service.tier2-45m tier=2 standby=warm failover=manual rto=32m30s
  tier    = 2
  rto     = "45m"
  regions = [region.a, region.b]
  writes  = [data.rows]
}

# An explicit failover is never overridden: MR202 reports the miss.
service "explicit-manual" { # want: service.explicit-manual standby=warm failover=manual rto=32m30s
  criticality = "important"
  rto         = "20m"
  failover    = "manual"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

# An explicit single-region topology has no standby to warm.
service "explicit-single" { # want: service.explicit-single topology=single-region standby=none rto=unbounded
  criticality = "important"
  rto         = "20m"
  topology    = "single-region"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

# An explicit active-passive topology does not fix the standby's
# temperature: it is warmed like any other.
service "explicit-ap" { # want: service.explicit-ap topology=active-passive standby=warm failover=manual rto=32m30s
  criticality = "important"
  rto         = "45m"
  topology    = "active-passive"
  regions     = [region.a, region.b]
  writes      = [data.rows]
}

# A 25m dns ttl alone is over the rto: even a warm standby with automatic
# failover would miss it, so the starting point stays and a reason says so.
service "ttl-bound" { # want: service.ttl-bound standby=warm failover=manual guards=
  criticality = "important"
  rto         = "20m"
  regions     = [region.a, region.b]
  writes      = [data.rows]
  routing {
    dns_ttl = "25m"
  }
}

data "rows" {
  owner   = service.rto-2h
  product = "t.asyncdb"
}
