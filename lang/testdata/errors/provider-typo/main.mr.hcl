# A provider block with no regions or products whose name is a typo of a
# built-in catalog is most likely that catalog.
provider "awz" {} # warning: Unknown provider

# A custom provider far from every built-in name is fine.
provider "onprem" {}

region "dc1" {
  provider = "onprem"
  city     = "Frankfurt"
  country  = "DE"
  lat      = 50.11
  lon      = 8.68
}

region "us-east-1" {
  provider = "awz"
  city     = "Ashburn"
  country  = "US"
  lat      = 39.04
  lon      = -77.49
}

# What the typo leads to: the custom catalog "awz" has no products.
dependency "sessions" {
  kind    = "database"
  product = "awz.dynamodb" # error: Unknown product
  global  = true
}
