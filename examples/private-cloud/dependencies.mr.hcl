# Platform services the product teams call. Each one is run in every
# Chinese site, because a platform service in one site is a hidden
# single-region dependency for everything above it.

dependency "gslb" {
  kind    = "dns"
  product = "corp.gslb"
  global  = true
}

dependency "keycloak" {
  kind    = "identity"
  product = "corp.keycloak"
  regions = [region.sh-jq, region.sh-zj, region.bj-yz]
}

dependency "vault" {
  kind    = "secrets"
  product = "corp.vault"
  regions = [region.sh-jq, region.sh-zj, region.bj-yz]
}

# A commercial map API for routing couriers. Soft: the app keeps today's
# route once downloaded.
dependency "maps" {
  kind     = "third-party"
  global   = true
  fallback = "keep the route downloaded at the start of the shift"
}

# Singapore Customs' TradeNet, reached from the Singapore data centre only.
# Only the overseas service calls it, and it only runs there.
dependency "customs" {
  kind    = "third-party"
  regions = [region.sg-1]
}
