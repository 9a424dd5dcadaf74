# The edge: every request comes through here. Its traces name it "web".
service "frontend" {
  criticality    = "core"
  objective      = objective.revenue
  regions        = [region.eu-central-1, region.eu-west-1]
  depends_on     = [service.checkout]
  compensation   = "static maintenance page with order status from the CDN"
  failover_drill = "2026-11-20"
  observe {
    names = ["web"]
    vpcs  = ["vpc-0a1b2c3d", "vpc-0e1f2a3b"]
    cidrs = ["10.1.0.0/20", "10.2.0.0/20"]
  }
}

# Checkout writes orders and charges cards. The team declared Stripe and the
# regional secrets; the logs will say more.
service "checkout" {
  criticality    = "core"
  revenue        = true
  objective      = objective.revenue
  regions        = [region.eu-central-1, region.eu-west-1]
  depends_on     = [service.payments, dependency.stripe, dependency.secrets]
  writes         = [data.orders]
  compensation   = "orders are queued client-side and retried; customers see 'confirming'"
  failover_drill = "2026-11-20"
  observability {
    replication_lag_alert = "2s"
  }
  observe {
    instances = ["i-0c0ffee0*"]
    terraform = ["module.checkout"]
  }
}

service "payments" {
  criticality    = "core"
  revenue        = true
  objective      = objective.revenue
  regions        = [region.eu-central-1, region.eu-west-1]
  depends_on     = [service.ledger]
  compensation   = "captures are idempotent and replayed from the gateway"
  failover_drill = "2026-11-20"
  observe {
    instances = ["i-0pay*"]
  }
}

service "ledger" {
  criticality    = "core"
  objective      = objective.revenue
  regions        = [region.eu-central-1, region.eu-west-1]
  compensation   = "postings are reconciled nightly against the gateway"
  failover_drill = "2026-11-20"
}

# Recommendations are nice to have: tier 2.
service "recommendations" {
  criticality = "auxiliary"
  regions     = [region.eu-central-1]
  observe {
    instances = ["i-0rec*"]
  }
}
