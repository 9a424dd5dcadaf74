# Tier 0: the ride and the money. Seed technique 1 - active-active for core
# business only - so these, and only these, run in both cities at once.
#
# Every tier 0 service here names cn-zhangjiakou as its witness. They fail
# over automatically (a human cannot decide inside a one-minute RTO), and
# automatic failover of a single writer without a tie-breaker is how two
# cities both end up "primary".

service "wallet" {
  description = "Rider and driver balances: top-ups, fares, payouts, refunds."
  criticality = "core"
  revenue     = true
  objective   = objective.wallet
  regions     = [region.cn-hangzhou, region.cn-shanghai]
  primary     = region.cn-hangzhou
  witness     = region.cn-zhangjiakou

  depends_on = [dependency.kms, dependency.alidns]
  reads      = [data.balances]
  writes     = [data.balances]

  traffic {
    rps        = 3000
    read_ratio = 0.6
  }

  routing {
    policy  = "latency"
    dns_ttl = "10s"
  }

  # Seed technique 4: accept partial availability, and say what you do for
  # the few who are hit. A wallet write in flight when a city dies is either
  # committed in both cities or in neither; the user sees an error and retries.
  compensation   = "Failed top-ups are never charged (the payment channel refunds unmatched captures within 1 day); riders charged twice get the duplicate back automatically and a 5 CNY coupon."
  failover_drill = "2026-11-05"

  observability {
    replication_lag_alert = "500ms"
    health_checks         = true
    dashboards            = ["wallet-mgr-group", "wallet-reconciliation"]
  }
}

service "payments" {
  description = "Charges the fare through Alipay or WeChat Pay when a trip ends, and credits the wallet."
  criticality = "core"
  revenue     = true
  objective   = objective.ride
  regions     = [region.cn-hangzhou, region.cn-shanghai]
  witness     = region.cn-zhangjiakou

  depends_on = [service.wallet, dependency.payment-channels, dependency.kms]
  writes     = [data.payment-records]

  routing {
    dns_ttl = "10s"
  }

  compensation   = "A fare that cannot be charged during failover is charged later from the trip record; the rider rides free if it still fails after 24 hours."
  failover_drill = "2026-11-05"

  observability {
    replication_lag_alert = "2s"
    health_checks         = true
  }
}

service "dispatch" {
  description = "Matches a ride request with the best nearby driver."
  criticality = "core"
  objective   = objective.ride
  regions     = [region.cn-hangzhou, region.cn-shanghai]
  witness     = region.cn-zhangjiakou

  # Dispatch in Shanghai only ever matches Shanghai riders with Shanghai
  # drivers; everything it needs runs in the same city.
  depends_on = [
    service.driver-location,
    service.pricing,
    service.trips,
    dependency.amap,
    dependency.alidns,
  ]
  reads = [data.driver-locations]

  traffic {
    rps        = 8000
    read_ratio = 0.9
  }

  routing {
    policy  = "geo"
    dns_ttl = "10s"
  }

  compensation   = "Requests lost in a failover are re-sent by the app after 5 s; riders who waited more than 5 minutes get a coupon."
  failover_drill = "2026-11-05"

  observability {
    health_checks = true
    dashboards    = ["dispatch-match-rate"]
  }
}

service "trips" {
  description = "The trip lifecycle: requested, accepted, picked up, completed."
  criticality = "core"
  objective   = objective.ride
  regions     = [region.cn-hangzhou, region.cn-shanghai]
  witness     = region.cn-zhangjiakou

  reads  = [data.trips]
  writes = [data.trips]

  traffic {
    rps        = 5000
    read_ratio = 0.5
  }

  routing {
    policy  = "geo"
    dns_ttl = "10s"
  }

  compensation   = "A trip whose last state was lost is closed from the driver app's local record; the fare is recomputed from GPS and the rider may dispute it in the app."
  failover_drill = "2026-11-05"

  observability {
    replication_lag_alert = "2s"
    health_checks         = true
  }
}

service "driver-location" {
  description = "Ingests a GPS fix from every online driver every 3 seconds."
  criticality = "core"
  objective   = objective.ride
  regions     = [region.cn-hangzhou, region.cn-shanghai]
  witness     = region.cn-zhangjiakou

  writes = [data.driver-locations]

  traffic {
    rps        = 150000
    read_ratio = 0
  }

  routing {
    policy  = "geo"
    dns_ttl = "10s"
  }

  compensation   = "None needed: drivers re-send their position within 3 seconds of reconnecting."
  failover_drill = "2026-11-05"

  observability {
    health_checks = true
  }
}

service "pricing" {
  description = "Quotes the fare before the ride, with the surge multiplier of the moment."
  criticality = "core"
  objective   = objective.ride
  # Inline values override the referenced objective: a quote is recomputed
  # on every request, so losing a minute of surge history costs nothing.
  rpo     = "1m"
  regions = [region.cn-hangzhou, region.cn-shanghai]
  witness = region.cn-zhangjiakou

  reads  = [data.fare-rules, data.surge, data.driver-locations]
  writes = [data.surge]

  routing {
    policy  = "geo"
    dns_ttl = "10s"
  }

  compensation   = "If surge data is lost the base fare is quoted, which favours the rider."
  failover_drill = "2026-11-05"

  # Fare rules are replicated to Shanghai; a rule published in Hangzhou
  # that has not arrived within a minute means Shanghai quotes stale fares.
  observability {
    replication_lag_alert = "1m"
    health_checks         = true
  }
}

service "login" {
  description = "Sign-in with phone number and SMS code; issues session tokens."
  # The seed's own example: login is core, registration is not.
  criticality = "core"
  objective   = objective.ride
  regions     = [region.cn-hangzhou, region.cn-shanghai]
  witness     = region.cn-zhangjiakou

  depends_on = [dependency.sms, dependency.alidns]
  reads      = [data.users, data.sessions]
  writes     = [data.sessions]

  routing {
    dns_ttl = "10s"
  }

  compensation   = "Users whose session was lost sign in again; the app keeps the ride in progress on screen meanwhile."
  failover_drill = "2026-11-05"

  observability {
    health_checks = true
  }
}
