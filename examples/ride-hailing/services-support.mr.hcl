# Tiers 1 and 2: needed, but not by a rider standing at the kerb.

# Registration is rare and can wait: the seed's example of a function that
# stays active-passive beside an active-active login. New accounts are only
# created in Hangzhou, which also keeps phone numbers unique without any
# cross-city coordination.
service "registration" {
  description = "Creates rider and driver accounts; driver onboarding and document checks."
  criticality = "important"
  # No objective block to share: the values are written inline. Two hours
  # without sign-ups after losing Hangzhou is acceptable, which buys a cold
  # standby: Shanghai holds a replica of the users table (login needs it)
  # but no registration servers until they are deployed from scratch.
  rpo     = "1m"
  rto     = "2h"
  regions = [region.cn-hangzhou, region.cn-shanghai]
  primary = region.cn-hangzhou

  depends_on = [dependency.sms]
  writes     = [data.users]

  routing {
    policy = "failover"
  }

  failover_drill = "2026-10-22"

  observability {
    replication_lag_alert = "10s"
    health_checks         = true
  }
}

# Receipts and invoices (fapiao) are generated after the ride, in batches.
# Same-city only: three zones of Hangzhou; a city-wide outage delays them.
service "receipts" {
  description = "Electronic receipts and tax invoices, generated in batches after trips."
  criticality = "auxiliary"
  objective   = objective.same-city
  regions     = [region.cn-hangzhou]

  reads  = [data.trips]
  writes = [data.receipts]

  observability {
    replication_lag_alert = "1h"
  }
}
