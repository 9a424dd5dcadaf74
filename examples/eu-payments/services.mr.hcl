service "payments" {
  description    = "Takes card payments for European merchants."
  criticality    = "core"
  revenue        = true
  objective      = objective.payments
  regions        = [region.eu-west-1, region.eu-central-1]
  witness        = region.us-east-1
  writes         = [data.cardholders, data.ledger]
  compensation   = "Merchants see a status page; captured payments settle when the region returns."
  failover_drill = "2026-11-15"

  traffic {
    rps        = 3000
    read_ratio = 0.6
  }

  observability {
    replication_lag_alert = "5s"
    health_checks         = true
  }
}

service "support-desk" {
  description = "Customer support tooling, run from the US."
  criticality = "auxiliary"
  regions     = [region.us-east-1]
  reads       = [data.cardholders]
}

service "fraud-model" {
  description = "Scores payments; trained in the US on European data."
  criticality = "auxiliary"
  regions     = [region.us-east-1]
  reads       = [data.ledger]
}
