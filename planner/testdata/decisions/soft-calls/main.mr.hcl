# Soft and scoped calls (issue 14): a depends_on edge described by a call
# block with a fallback, or made by some callers only, degrades the
# service when its target is lost instead of taking it down.

audience "domestic" {
  share = 0.7
  near  = region.a
}

audience "international" {
  share = 0.3
  near  = region.c
}

# recommendations has a fallback; sign-in through the international
# identity provider is only made for international users.
service "storefront" { # want: service.storefront lost(region:b)=degraded~service.recommendations lost(region:c)=degraded~dependency.intl-idp gaps=
  criticality = "core"
  regions     = [region.a, region.a2]
  depends_on  = [service.recommendations, service.catalog]
  call {
    to       = service.recommendations
    fallback = "show the best sellers"
  }
  call {
    to        = dependency.intl-idp
    audiences = [audience.international]
  }
}

service "recommendations" { # want: service.recommendations lost(region:b)=down@service.recommendations
  criticality = "auxiliary"
  regions     = [region.b]
}

# A hard call: losing catalog takes the storefront down.
service "catalog" { # want: service.catalog lost(region:b)=rerouted>a+a2@1m30s
  criticality = "core"
  regions     = [region.a, region.a2, region.b]
}

dependency "intl-idp" {
  kind    = "identity"
  regions = [region.c]
}
