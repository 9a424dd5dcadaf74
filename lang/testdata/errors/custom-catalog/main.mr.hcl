# A custom provider whose entries decode but do not hang together: each
# mistake is reported at the attribute it is about.
provider "corp" {
  region "sh-a" {
    city    = "Shanghai"
    country = "China" # error: Invalid custom region
    lat     = 31.23
    lon     = 121.47
  }
  product "tidb" {
    kind        = "database"
    replication = ["sync"]
    lag         = "2s" # error: Invalid custom product
    failover    = "1m"
  }
  product "kv" { # error: Invalid custom product
    kind         = "database"
    replication  = ["async"]
    lag          = "1s"
    multi_writer = true # several writers, but no conflict resolution
  }
  product "etcd" {
    kind        = "database"
    replication = ["sync"]
    conflict    = ["consensus"]
  }
}
