# The buying path: cart -> checkout -> inventory + payments -> orders.
#
# Seed technique 1: only core business goes active-active. Everything a
# shopper needs to pay is tier 0 and runs in all four regions; everything
# else is tier 1 or 2 and runs in fewer regions, more cheaply.

service "checkout" {
  description = "Turns a cart into an order: reserves stock, takes payment, writes the order."
  criticality = "core"
  revenue     = true
  objective   = objective.revenue-path
  regions     = [region.us-east-1, region.us-west-2, region.eu-west-1, region.ap-northeast-1]
  primary     = region.us-east-1

  # Checkout calls the services on its path synchronously. It does NOT call
  # notifications: order confirmation e-mails hang off the order outbox, so a
  # tier 2 service can never take the tier 0 path down (no tier inversion).
  depends_on = [
    service.cart,
    service.inventory,
    service.payments,
    dependency.cognito,
    dependency.route53,
    dependency.secrets,
  ]
  reads  = [data.carts, data.products]
  writes = [data.orders, data.order-outbox]

  traffic {
    rps        = 1800
    read_ratio = 0.3
  }

  routing {
    policy  = "latency"
    dns_ttl = "30s" # short enough that DNS is not the slowest part of failover
  }

  # Technique 4, accept partial availability: during a regional failover a
  # few checkouts fail. Say what happens to those shoppers.
  compensation   = "Carts survive (see data.carts); shoppers whose payment was taken but whose order was lost in failover get the order re-created from the gateway record by the reconciliation job, plus a 10% voucher and an apology e-mail."
  failover_drill = "2026-10-14"

  observability {
    replication_lag_alert = "2s"
    health_checks         = true
    dashboards            = ["checkout-golden-signals", "aurora-global-lag"]
  }
}

service "payments" {
  description = "Authorises and captures card payments through the external payment gateway."
  criticality = "core"
  revenue     = true
  objective   = objective.revenue-path
  regions     = [region.us-east-1, region.us-west-2, region.eu-west-1, region.ap-northeast-1]

  # THE BUG THIS EXAMPLE EXISTS TO SHOW. payments runs in four regions, so on
  # paper it survives losing us-east-1. But the gateway it calls only accepts
  # connections from our us-east-1 NAT addresses (see dependencies.mr.hcl).
  # When us-east-1 goes, payments "fails over" into regions where it cannot
  # take a single payment, and checkout with it. mrplan reports this as
  # MR101 on this service and, transitively, on checkout.
  depends_on = [dependency.payment-gateway, dependency.kms, dependency.secrets]
  writes     = [data.payment-intents]

  traffic {
    rps        = 900
    read_ratio = 0.1
  }

  routing {
    dns_ttl = "30s"
  }

  compensation   = "A payment that fails during failover is not retried blindly: the intent is kept by idempotency key, the shopper is asked to retry, and a double capture is refunded automatically within 24h."
  failover_drill = "2026-10-14"

  observability {
    replication_lag_alert = "2s"
    health_checks         = true
    dashboards            = ["payments-auth-rate"]
  }
}

service "cart" {
  description = "Shopping carts. Every shopper writes only their own cart, from the region nearest to them."
  criticality = "core"
  # Not revenue itself, but no cart, no checkout: it is on the buying path,
  # so it shares checkout's objective and tier rather than dragging it down.
  objective = objective.revenue-path
  regions   = [region.us-east-1, region.us-west-2, region.eu-west-1, region.ap-northeast-1]
  topology  = "active-active"

  # Cart needs product names and prices, but reads the replicated products
  # table instead of calling catalog: catalog is tier 1, and a tier 0 service
  # calling a tier 1 one is a tier inversion (MR102).
  depends_on = [dependency.cognito]
  reads      = [data.products, data.sessions]
  writes     = [data.carts, data.sessions]

  traffic {
    rps        = 6000
    read_ratio = 0.7
  }

  routing {
    policy  = "latency"
    dns_ttl = "30s"
  }

  compensation   = "A cart edited in two regions within the replication lag keeps the latest edit; a shopper may see an item reappear and remove it again."
  failover_drill = "2026-10-14"

  observability {
    replication_lag_alert = "5s"
    health_checks         = true
  }
}

service "inventory" {
  description = "Stock levels per warehouse; reserves stock at checkout so we never sell what we do not have."
  criticality = "core"
  objective   = objective.revenue-path
  regions     = [region.us-east-1, region.us-west-2, region.eu-west-1, region.ap-northeast-1]

  depends_on = [dependency.secrets]
  reads      = [data.stock]
  writes     = [data.stock]

  traffic {
    rps        = 2500
    read_ratio = 0.8
  }

  routing {
    dns_ttl = "30s"
  }

  compensation   = "If a warehouse's home region is lost, its stock is sold from the last replicated count with a safety margin; an oversold order is offered a delay or a refund with a voucher."
  failover_drill = "2026-10-28"

  observability {
    replication_lag_alert = "2s"
    health_checks         = true
    dashboards            = ["stock-reservations"]
  }
}

# ---------------------------------------------------------------------------
# Tier 1: shopping without paying.

service "catalog" {
  description = "Product pages and prices. Read-mostly; edited by merchandisers in the home region."
  criticality = "important"
  objective   = objective.shopping
  regions     = [region.us-east-1, region.us-west-2, region.eu-west-1, region.ap-northeast-1]
  # Tier 1 would default to active-passive. But the catalog is read-only for
  # shoppers, and the seed's cross-country pattern is exactly where read-only
  # services stay active-active: reads are local, writes go to one primary.
  topology = "active-active"

  depends_on = [dependency.route53]
  reads      = [data.products, data.price-cache]
  writes     = [data.products, data.price-cache]

  traffic {
    rps        = 20000
    read_ratio = 0.99
  }

  failover_drill = "2026-10-28"

  observability {
    replication_lag_alert = "1m"
    health_checks         = true
  }
}

service "search" {
  description = "Full-text product search, one OpenSearch domain per region."
  criticality = "important"
  objective   = objective.shopping
  regions     = [region.us-east-1, region.eu-west-1, region.ap-northeast-1]
  # Each region has its own index, built locally from the replicated
  # products table, so every region can answer searches on its own: a
  # read-only service, active-active like catalog. (Left to the planner,
  # tier 1 would be active-passive with a cold standby, and a cold standby
  # cannot be provisioned within this objective's hour.)
  topology = "active-active"

  reads  = [data.products, data.search-index]
  writes = [data.search-index]

  traffic {
    rps        = 4000
    read_ratio = 1
  }

  failover_drill = "2026-10-28"

  observability {
    health_checks = true
  }
}

service "orders" {
  description = "Order history, returns and customer service. Reads the orders checkout writes."
  criticality = "important"
  objective   = objective.shopping
  # Inline override: order history and returns can wait half a morning;
  # customer service works from the gateway's records meanwhile. That buys
  # a cold standby in eu-west-1 instead of a warm one.
  rto     = "4h"
  regions = [region.us-east-1, region.eu-west-1]
  primary = region.us-east-1
  # Left to the planner: a tier 1 service with this RTO fails over by hand.
  # A refund issued twice from two regions is worse than an hour without
  # returns.

  depends_on = [dependency.cognito]
  reads      = [data.orders]
  writes     = [data.returns]

  routing {
    policy  = "failover"
    dns_ttl = "60s"
  }

  failover_drill = "2026-11-12"

  observability {
    replication_lag_alert = "1m"
    health_checks         = true
  }
}

# ---------------------------------------------------------------------------
# Tier 2: auxiliary. Single-region or cold standby, on purpose.

service "recommendations" {
  description = "\"Customers also bought\" widgets. The page renders without them."
  criticality = "auxiliary"
  objective   = objective.best-effort
  regions     = [region.us-east-1]

  reads  = [data.products, data.rec-models]
  writes = [data.rec-models]
}

service "notifications" {
  description = "Order confirmation and shipping e-mails, fed from the order outbox."
  criticality = "auxiliary"
  objective   = objective.best-effort
  # Two regions but tier 2: the planner keeps a cold standby in eu-west-1,
  # rebuilt from infrastructure as code when us-east-1 is gone for long.
  regions = [region.us-east-1, region.eu-west-1]

  depends_on = [dependency.email-provider]
  reads      = [data.order-outbox]
}
