# SPEC §5.1: tier wins, then criticality, then the objective's rto
# (≤ 5m → 0, ≤ 4h → 1, else 2); revenue moves a derived tier toward 0.

service "explicit" { # want: service.explicit tier=2
  tier        = 2
  criticality = "core"
  regions     = [region.a]
}

service "core" { # want: service.core tier=0
  criticality = "core"
  rto         = "1d"
  rpo         = "1h"
  regions     = [region.a]
}

service "important" { # want: service.important tier=1
  criticality = "important"
  regions     = [region.a]
}

service "auxiliary" { # want: service.auxiliary tier=2
  criticality = "auxiliary"
  revenue     = true
  regions     = [region.a]
}

service "rto-5m" { # want: service.rto-5m tier=0
  rto     = "5m"
  rpo     = "1m"
  regions = [region.a]
}

service "rto-5m1s" { # want: service.rto-5m1s tier=1
  rto     = "5m1s"
  rpo     = "1m"
  regions = [region.a]
}

service "rto-4h" { # want: service.rto-4h tier=1
  rto     = "4h"
  rpo     = "1m"
  regions = [region.a]
}

service "rto-4h1s" { # want: service.rto-4h1s tier=2
  rto     = "4h1s"
  rpo     = "1m"
  regions = [region.a]
}

service "revenue-4h" { # want: service.revenue-4h tier=0
  rto     = "4h"
  rpo     = "1m"
  revenue = true
  regions = [region.a]
}

service "revenue-1d" { # want: service.revenue-1d tier=1
  rto     = "1d"
  rpo     = "1m"
  revenue = true
  regions = [region.a]
}

service "nothing" { # want: service.nothing tier=2
  regions = [region.a]
}
