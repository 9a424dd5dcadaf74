# A ledger rarely fails over because of its own database. It fails over into
# a region where the scheme connection, the keys or the runbook are missing.

# Two SEPA/TIPS connection points, one per data centre, contracted separately.
dependency "sepa-gateway" {
  kind    = "third-party"
  regions = [region.westeurope, region.northeurope]
}

# Signing keys in Key Vault (Managed HSM), one vault per region with the same
# keys imported in both: Key Vault's own geo-replication is read-only during
# a regional outage, and the ledger must be able to sign in Dublin.
dependency "key-vault" {
  kind    = "secrets"
  product = "azure.key-vault"
  regions = [region.westeurope, region.northeurope]
}

# Staff and service identities. Entra ID is global.
dependency "entra-id" {
  kind    = "identity"
  product = "azure.entra-id"
  global  = true
}

# The failover runbook is itself a dependency: a wiki hosted in the region
# that just failed is no runbook at all.
dependency "dr-runbook" {
  kind     = "runbook"
  global   = true
  fallback = "printed copy in both operations centres, checked at every drill"
}

# External fraud model. Soft: without it, large payments wait for a person.
dependency "fraud-vendor" {
  kind     = "third-party"
  global   = true
  fallback = "hold outgoing payments over 1,000 EUR for manual review"
}
