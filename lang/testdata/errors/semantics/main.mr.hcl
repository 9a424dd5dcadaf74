mrplan {
  required_version = ">= 99.0" # error: Unsupported mrplan version
}

mrplan { # error: Duplicate mrplan block
}

region "a" {
  city    = "Ashburn"
  country = "US"
  lat     = 39.04
  lon     = -77.49
}
region "b" {
  city    = "Dublin"
  country = "IE"
  lat     = 53.35
  lon     = -6.26
}

service "api" {
  regions = [region.a]
  primary = region.b # error: Primary region not among regions
  witness = region.a # error: Witness is a serving region
}

service "empty" {
  regions = [] # error: No regions
}

service "noregions" { # error: Missing required argument
}

data "d" {
  owner   = dependency.x # error: Invalid reference kind
  product = "corp.x"     # error: Unknown provider
}

region "a" { # error: Duplicate region "a"
  city    = "Ashburn"
  country = "US"
  lat     = 39.04
  lon     = -77.49
}

service "check out" { # error: Invalid name
  regions = [region.a]
}

dependency "idp" {
  kind   = "identity"
  global = "sometimes" # error: Incorrect attribute value type
}
