# Typical figures, bounds and failover triggers on a custom product: a bound
# shorter than its typical figure, an unknown trigger, a lease on a store
# that does not replicate synchronously.
provider "corp" {
  region "sh-a" {
    city    = "Shanghai"
    country = "CN"
    lat     = 31.23
    lon     = 121.47
  }
  product "tidb" {
    kind        = "database"
    replication = ["sync", "async"]
    lag         = "2s"
    lag_bound   = "1s" # error: Invalid custom product
    failover    = "30s"
  }
  product "pg" {
    kind        = "database"
    replication = ["async"]
    lag         = "1s"
    failover    = "1m"
    failover_by = "lease" # error: Invalid custom product
  }
  product "spanner-like" {
    kind           = "database"
    replication    = ["sync"]
    conflict       = ["consensus"]
    multi_writer   = true
    failover       = "10s"
    failover_by    = "lease"
    failover_bound = "1m"
    witness        = true
  }
}

provider "corp2" {
  product "kv" {
    kind        = "database"
    replication = ["sync"]
    failover    = "30s"
    failover_by = "vendor" # error: Invalid value
  }
}
