region "us-east-1" {
  city    = "Ashburn"
  country = "US"
  lat     = 39.04
  lon     = -77.49
}

region "eu-west-1" {
  city    = "Dublin"
  country = "IE"
  lat     = 53.35
  lon     = -6.26
}

service "checkout" {
  regions    = [region.us-east-1, region.eu-west1] # error: Unknown reference
  primary    = region.ap-south-1                   # error: Unknown reference
  depends_on = [region.us-east-1]                  # error: Invalid reference kind
  reads      = ["orders"]                          # error: Invalid reference
  writes     = [data.orders]
  objective  = objective.gold # error: Unknown reference
}

data "orders" {
  owner   = service.checkot # error: Unknown reference
  product = "corp.db"       # error: Unknown provider
}

service "checkout" { # error: Duplicate service "checkout"
  regions = [region.us-east-1]
}

service "cart" {
  regions    = [region.us-east-1, region.us-east-1] # warning: Duplicate reference
  depends_on = [service.cart, service.cart]         # warning: Duplicate reference
}

dependency "stripe" {
  kind = "third-party"
}

service "billing" {
  regions    = [region.us-east-1]
  depends_on = [service.stripe] # error: Unknown reference
}
