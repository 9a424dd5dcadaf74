# A module with a custom provider, for `mrplan providers --module`.
mrplan {
  assumptions {
    route_factor = 1.3
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
    lon     = 116.41
    zones   = 2
  }
  product "tidb" {
    kind         = "database"
    scope        = "multi-region"
    replication  = ["sync", "async"]
    lag          = "2s"
    failover     = "1m"
    multi_writer = false
    conflict     = []
  }
}

region "shanghai" {
  provider = "corp"
  code     = "sh-a"
}

region "beijing" {
  provider = "corp"
  code     = "bj-a"
}

region "frankfurt" {
  provider = "aws"
  code     = "eu-central-1"
}

service "ledger" {
  criticality = "core"
  rpo         = "0s"
  rto         = "5m"
  regions     = [region.shanghai, region.beijing]
}
