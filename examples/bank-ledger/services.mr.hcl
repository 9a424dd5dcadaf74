# Three ways of running a tier 0 service, side by side:
#   ledger          active-passive, MANUAL failover: one writer, a person decides
#   payment-intake  active-passive, AUTOMATIC failover with a witness
#   balance-api     active-active reads from local replicas, no writes at all

service "ledger" {
  description = "Double-entry ledger: books every movement of money, in order, exactly once."
  criticality = "core"
  objective   = objective.zero-loss
  regions     = [region.westeurope, region.northeurope]
  primary     = region.westeurope

  # Constraints the planner must honour and check, not choose:
  # - active-passive: the seed's answer for a banking ledger;
  # - manual failover: promoting Dublin while Amsterdam might still be
  #   booking is the split-brain a bank cannot undo. Automatic failover is
  #   "faster but riskier"; here a person confirms Amsterdam is fenced first.
  topology = "active-passive"
  failover = "manual"

  depends_on = [dependency.key-vault, dependency.dr-runbook]
  reads      = [data.ledger-entries]
  writes     = [data.ledger-entries]

  routing {
    policy       = "failover"
    dns_ttl      = "60s"
    health_check = true
  }

  compensation   = "Transfers rejected while the ledger fails over are returned to the sender's app with 'try again'; scheduled payments run late with their original value date, so no customer loses interest or pays a late fee."
  failover_drill = "2026-10-18"

  # Without observability, failover is hard to trust: alert as soon as the
  # synchronous standby falls behind, because then it is no longer zero-loss.
  observability {
    replication_lag_alert = "1s"
    health_checks         = true
    dashboards            = ["ledger-sync-standby", "ledger-commit-latency", "ledger-balance-proof"]
  }
}

service "payment-intake" {
  description = "Receives SEPA and instant-payment messages and hands them to the ledger exactly once."
  criticality = "core"
  revenue     = true
  objective   = objective.customer-channels
  regions     = [region.westeurope, region.northeurope]
  primary     = region.westeurope
  topology    = "active-passive"
  # Instant payments must be answered within 10 seconds by scheme rules, so a
  # person cannot be in this loop. Automatic failover is safe only with a
  # tie-breaker: the witness in Frankfurt gives Amsterdam-Dublin a quorum.
  failover = "automatic"
  witness  = region.germanywestcentral

  depends_on = [service.ledger, dependency.sepa-gateway, dependency.key-vault, dependency.entra-id]
  writes     = [data.payment-instructions]

  traffic {
    rps        = 400
    read_ratio = 0.2
  }

  routing {
    policy  = "failover"
    dns_ttl = "30s"
  }

  # While the ledger is being promoted by hand, intake keeps accepting and
  # queuing: partial availability instead of none.
  compensation   = "Instructions accepted while the ledger is down are queued and booked in arrival order after promotion; instant payments that time out are rejected cleanly to the sending bank, which retries."
  failover_drill = "2026-10-18"

  observability {
    replication_lag_alert = "1s"
    health_checks         = true
    dashboards            = ["intake-queue-depth"]
  }
}

service "balance-api" {
  description = "Balances and recent transactions for the mobile app; read-only."
  criticality = "core"
  objective   = objective.customer-channels
  regions     = [region.westeurope, region.northeurope]

  # Active-active is fine for a reader: each region serves from its local
  # copy of the ledger; nothing is written, so nothing conflicts.
  topology = "active-active"

  depends_on = [dependency.entra-id]
  reads      = [data.ledger-entries, data.balance-view]
  writes     = [data.balance-view]

  traffic {
    rps        = 6000
    read_ratio = 1
  }

  routing {
    policy  = "latency"
    dns_ttl = "30s"
  }

  compensation   = "The app shows the last known balance with its timestamp when the view is stale."
  failover_drill = "2026-10-18"

  observability {
    replication_lag_alert = "5s"
    health_checks         = true
  }
}

service "fraud-screening" {
  description = "Scores outgoing payments with an external fraud model before release."
  criticality = "important"
  # Inline objective. Without screening, large payments wait for a person
  # (the vendor's fallback), so a few hours' outage delays, not loses.
  # Azure SQL's Microsoft-managed geo-failover alone can take an hour.
  rpo     = "15m"
  rto     = "4h"
  regions = [region.westeurope, region.northeurope]

  depends_on = [dependency.fraud-vendor]
  writes     = [data.fraud-cases]

  failover_drill = "2026-11-03"

  observability {
    replication_lag_alert = "1m"
  }
}

service "statements" {
  description = "Monthly account statements as PDF, kept ten years."
  criticality = "auxiliary"
  objective   = objective.back-office
  regions     = [region.westeurope]

  reads  = [data.ledger-entries]
  writes = [data.statement-archive]

  observability {
    replication_lag_alert = "4h"
  }
}
