provider "corp" {
  region "sh-a" {
    city    = "Shanghai"
    country = "CN"
    lat     = 31.23
    lon     = 121.47
  }
  region "sh-a" { # error: Duplicate region "sh-a"
    city    = "Shanghai"
    country = "CN"
    lat     = 31.23
    lon     = 121.47
  }
  region "bj" { # error: Missing required argument
    city    = "Beijing"
    country = "CN"
    lat     = 39.9
  }
  product "tidb" {
    kind        = "database"
    replication = ["sync", "asnyc"] # error: Invalid value
  }
  product "dns" {
    kind = "dns"
  }
  product "kafka" {
    kind  = "queue"
    scope = "galactic" # error: Invalid value
  }
}

provider "lab" {}

region "sh-a" {
  provider = "corp"
}

region "sh-b" {
  provider = "corp"
  code     = "sh-b" # error: Unknown region code
}

region "gz" { # error: Missing provider
}

region "hk" {
  provider = "crop" # error: Unknown provider
}

service "api" {
  regions = [region.sh-a]
}

data "orders" {
  owner   = service.api
  product = "corp.tdib" # error: Unknown product
}

data "zones" {
  owner   = service.api
  product = "corp.dns" # error: Product does not fit
}

dependency "bus" {
  kind    = "database"
  product = "corp.kafka" # error: Product does not fit
}

data "orders" { # error: Duplicate data "orders"
  owner   = service.api
  product = "corp.tidb"
}
