# The test catalog every decision module is planned with (decisions_test.go lays it
# beside each): regions at known distances and products with exactly the replication modes the rules branch on.
provider "t" {
  # a and a2 share a city; b is 333 km from a in the same country; c is
  # 6,672 km from a in another country.
  region "a" {
    city = "Acity"
    country = "AA"
    lat = 0
    lon = 0
    zones = 3
  }
  region "a2" {
    city = "Acity"
    country = "AA"
    lat = 0.05
    lon = 0
    zones = 1
  }
  region "b" {
    city = "Bcity"
    country = "AA"
    lat = 0
    lon = 3
    zones = 3
  }
  region "c" {
    city = "Ccity"
    country = "CC"
    lat = 0
    lon = 60
    zones = 3
  }
  product "syncdb" {
    kind        = "database"
    replication = ["sync", "async"]
    lag         = "1s"
    failover    = "30s"
  }
  product "synconly" {
    kind        = "database"
    replication = ["sync"]
    failover    = "20s"
  }
  product "semidb" {
    kind        = "database"
    replication = ["semi-sync"]
    failover    = "20s"
  }
  product "asyncdb" {
    kind        = "database"
    replication = ["async"]
    lag         = "2s"
    failover    = "1m"
  }
  product "mwdb" {
    kind         = "database"
    replication  = ["async"]
    lag          = "1s"
    failover     = "10s"
    multi_writer = true
    conflict     = ["lww"]
  }
  product "local" {
    kind        = "database"
    replication = ["none"]
  }
  product "nolag" {
    kind        = "database"
    replication = ["async"]
  }
  product "blob" {
    kind        = "object-store"
    replication = ["async"]
    lag         = "15m"
  }
}

region "a" {}
region "a2" {}
region "b" {}
region "c" {}
