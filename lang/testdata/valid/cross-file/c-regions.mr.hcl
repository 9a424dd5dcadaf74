provider "lab" {
  product "pg" {
    kind        = "database"
    replication = ["async"]
    lag         = "1s"
  }
  product "sso" {
    kind  = "identity"
    scope = "global"
  }
}

region "east" {
  city    = "Ashburn"
  country = "US"
  lat     = 39.04
  lon     = -77.49
}

region "west" {
  city    = "Portland"
  country = "US"
  lat     = 45.52
  lon     = -122.68
  zones   = 3
}

objective "strict" {
  rpo     = "1m"
  rto     = "10m"
  survive = "zone"
}
