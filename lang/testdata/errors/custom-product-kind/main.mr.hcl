# A custom product of an unknown kind is reported once, at the kind, not
# again as a misfit on every data class that uses it.
provider "corp" {
  region "sh-a" {
    city    = "Shanghai"
    country = "CN"
    lat     = 31.23
    lon     = 121.47
  }
  product "redis" {
    kind = "kv" # error: Invalid value
  }
}

region "sh-a" {}

service "cart" {
  regions = [region.sh-a]
  rpo     = "1m"
  rto     = "5m"
}

data "carts" {
  owner   = service.cart
  product = "corp.redis"
}

data "sessions" {
  owner   = service.cart
  product = "corp.redis"
}
