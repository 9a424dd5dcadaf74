# Two countries, one write region. Amsterdam and Dublin are ~750 km apart: a
# synchronous commit costs ~11 ms there and back, which a ledger can afford.

region "westeurope" {
  provider = "azure"
  # Amsterdam: primary. The bank's payment-scheme connections, HSMs and
  # operations centre are here.
}

region "northeurope" {
  provider = "azure"
  # Dublin: the synchronous standby and the second SEPA connection point.
}

# Frankfurt runs nothing but the tie-breaker for services that fail over
# automatically.
region "germanywestcentral" {
  provider = "azure"
}

audience "customers" {
  share = 1
  near  = region.westeurope
}
