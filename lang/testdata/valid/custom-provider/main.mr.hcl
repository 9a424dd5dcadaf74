mrplan {
  required_version = ">= 0.1"

  check "MR404" {
    enabled = false
  }

  assumptions {
    detection_time = "20s"
    route_factor   = 1.4
  }
}

provider "corp" {
  region "sh-a" {
    city    = "Shanghai"
    country = "CN"
    lat     = 31.23
    lon     = 121.47
    zones   = 2
  }
  region "bj-a" {
    city    = "Beijing"
    country = "CN"
    lat     = 39.90
    lon     = 116.40
  }
  product "tidb" {
    kind         = "database"
    scope        = "regional"
    replication  = ["sync", "async"]
    lag          = "2s"
    failover     = "1m"
    multi_writer = false
    conflict     = []
  }
}

region "sh-a" {}
region "bj-a" {}
region "gz-a" {
  city    = "Guangzhou"
  country = "CN"
  lat     = 23.13
  lon     = 113.26
}

objective "core" {
  rpo          = "0s"
  rto          = "5m"
  availability = "99.99%"
}
