# The company's data centres and in-house platform products, as a catalog.
# Everything here is a fact the platform team vouches for; mrplan plans
# with these numbers exactly as it does with a public cloud's.

provider "corp" {
  region "sh-jq" {
    city    = "Shanghai"
    country = "CN"
    lat     = 31.25
    lon     = 121.60
    zones   = 2 # two halls with separate power and cooling
  }

  region "sh-zj" {
    city    = "Shanghai"
    country = "CN"
    lat     = 31.20
    lon     = 121.59
    zones   = 2
  }

  region "bj-yz" {
    city    = "Beijing"
    country = "CN"
    lat     = 39.79
    lon     = 116.51
    zones   = 2
  }

  region "sg-1" {
    city    = "Singapore"
    country = "SG"
    lat     = 1.35
    lon     = 103.82
    zones   = 2 # two halls, one building: survives a hall, not the site
  }

  # TiDB: Raft replication, a write commits on a majority of replicas.
  # Synchronous, single leader per key range, automatic leader election.
  product "tidb" {
    kind         = "database"
    scope        = "multi-region"
    replication  = ["sync"]
    failover     = "20s"
    multi_writer = false
    conflict     = []
  }

  # Ceph object storage with multi-site replication (RGW zones), async.
  product "ceph-rgw" {
    kind         = "object-store"
    scope        = "regional"
    replication  = ["async"]
    lag          = "5m"
    failover     = "10m"
    multi_writer = false
    conflict     = ["lww"]
  }

  # The platform's DNS: CoreDNS behind an anycast GSLB in every site.
  product "gslb" {
    kind  = "dns"
    scope = "global"
  }

  # Keycloak, one cluster per data centre, realms replicated from Shanghai.
  product "keycloak" {
    kind        = "identity"
    scope       = "regional"
    replication = ["async"]
    lag         = "1m"
    failover    = "2m"
  }

  # HashiCorp Vault with performance replication to every site.
  product "vault" {
    kind        = "secrets"
    scope       = "regional"
    replication = ["async"]
    lag         = "10s"
    failover    = "1m"
  }
}

provider "generic" {}
