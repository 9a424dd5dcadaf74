service "waybill" {
  description = "Creates shipments and allocates tracking numbers; the source of truth for every parcel."
  criticality = "core"
  revenue     = true
  objective   = objective.parcel-flow
  # Three sites, so TiDB's Raft groups always have a majority somewhere and
  # automatic failover needs no separate witness. A write commits when two
  # sites have it - normally the two Shanghai ones, ~1 ms apart - so Beijing
  # adds safety, not latency, until Shanghai is lost.
  regions = [region.sh-jq, region.sh-zj, region.bj-yz]
  primary = region.sh-jq

  depends_on = [dependency.keycloak, dependency.vault, dependency.gslb]
  reads      = [data.waybills]
  writes     = [data.waybills]

  traffic {
    rps        = 3000
    read_ratio = 0.7
  }

  routing {
    policy  = "latency"
    dns_ttl = "15s"
  }

  compensation   = "Shipments created in the seconds of a failover are re-submitted by the merchant API client (idempotency key = merchant order id); no parcel is charged twice."
  failover_drill = "2026-10-30"

  observability {
    replication_lag_alert = "1s"
    health_checks         = true
    dashboards            = ["tidb-region-health", "waybill-create-latency"]
  }
}

service "tracking" {
  description = "Ingests scan events from hubs and couriers and answers 'where is my parcel'."
  criticality = "core"
  objective   = objective.tracking
  regions     = [region.sh-jq, region.sh-zj, region.bj-yz]

  depends_on = [service.waybill, dependency.gslb]
  reads      = [data.scan-events, data.tracking-cache]
  writes     = [data.scan-events, data.tracking-cache]

  traffic {
    rps        = 40000
    read_ratio = 0.4
  }

  routing {
    policy  = "latency"
    dns_ttl = "15s"
  }

  compensation   = "Scans lost in a failover are re-sent by the hub scanners, which keep 24 h of scans locally."
  failover_drill = "2026-10-30"

  observability {
    replication_lag_alert = "30s"
    health_checks         = true
    dashboards            = ["kafka-mm2-lag"]
  }
}

service "courier-api" {
  description = "Backend of the courier app: today's stops, proof of delivery, cash on delivery."
  criticality = "core"
  revenue     = true
  objective   = objective.parcel-flow
  regions     = [region.sh-jq, region.sh-zj, region.bj-yz]

  # Proof-of-delivery photos go from the app straight to proof-of-delivery,
  # not through this service: a slow photo store must never hold up the
  # courier's next stop (and a tier 0 service calling a tier 1 one would be a
  # tier inversion).
  depends_on = [service.waybill, service.tracking, dependency.keycloak, dependency.maps]
  reads      = [data.waybills]

  routing {
    dns_ttl = "15s"
  }

  compensation   = "The courier app works offline for a full shift and syncs later; cash-on-delivery receipts are printed on the handheld."
  failover_drill = "2026-10-30"

  observability {
    health_checks = true
  }
}

service "proof-of-delivery" {
  description = "Receives proof-of-delivery photos and signatures from the courier app."
  criticality = "important"
  # The app keeps each photo until the server confirms it replicated, so an
  # hour of RPO loses nothing; half an hour without uploads only queues them.
  rpo     = "1h"
  rto     = "30m"
  regions = [region.sh-jq, region.sh-zj, region.bj-yz]
  # Every site accepts uploads into its own Ceph zone: active-active, and
  # switching traffic away from a dead site needs no one's decision. (Left to
  # the planner, a tier 1 service with a 30m RTO fails over by hand, and the
  # 30-minute decision alone would break the objective.)
  topology = "active-active"
  failover = "automatic"

  depends_on = [dependency.keycloak]
  writes     = [data.delivery-photos]

  failover_drill = "2026-10-30"

  observability {
    replication_lag_alert = "15m"
    health_checks         = true
  }
}

# Billing can wait hours; active-passive with a cold standby is enough.
service "billing" {
  description = "Merchant invoices and settlement."
  criticality = "important"
  objective   = objective.back-office
  regions     = [region.sh-jq, region.bj-yz]
  primary     = region.sh-jq
  failover    = "manual"

  depends_on = [dependency.keycloak, dependency.vault]
  reads      = [data.waybills]
  writes     = [data.invoices]

  failover_drill = "2026-11-03"

  observability {
    replication_lag_alert = "5m"
    health_checks         = true
  }
}

# The overseas business: its own waybills, its own data, in Singapore only.
# Cross-country active-active would need Chinese and Singaporean customer
# data in both countries - which the law forbids - so it is not attempted.
service "overseas" {
  description = "Shipments within and out of Southeast Asia."
  criticality = "important"
  objective   = objective.overseas
  regions     = [region.sg-1]

  depends_on = [dependency.customs]
  writes     = [data.overseas-shipments]

  observability {
    health_checks = true
  }
}
