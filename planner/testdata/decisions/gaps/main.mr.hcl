# The hidden single-region dependency: checkout runs in a and b, but the
# gateway payments calls is only in a. A cycle (payments ⇄ fraud) must not
# hide it, and a dependency with a fallback is soft.

service "checkout" { # want: service.checkout gaps=b:service.checkout>service.payments>service.fraud>dependency.gateway
  criticality = "core"
  regions     = [region.a, region.b]
  depends_on  = [service.payments, dependency.prices]
}

service "payments" { # want: service.payments gaps=b:service.payments>service.fraud>dependency.gateway
  criticality = "core"
  regions     = [region.a, region.b]
  depends_on  = [service.fraud]
}

service "fraud" { # want: service.fraud gaps=b:service.fraud>dependency.gateway
  criticality = "core"
  regions     = [region.a, region.b]
  depends_on  = [service.payments, dependency.gateway]
}

service "reports" { # want: service.reports gaps=b:service.reports>data.ledger
  criticality = "important"
  regions     = [region.a, region.b]
  reads       = [data.ledger]
}

service "books" { # want: service.books gaps=
  criticality = "auxiliary"
  regions     = [region.a]
  writes      = [data.ledger]
}

dependency "gateway" {
  kind    = "third-party"
  regions = [region.a]
}

dependency "prices" {
  kind     = "third-party"
  regions  = [region.a]
  fallback = "serve cached prices"
}

data "ledger" {
  owner   = service.books
  product = "t.local"
}
