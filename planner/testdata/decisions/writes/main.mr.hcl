# SPEC §5.4 write modes: active-active services writing critical data
# without a partition key keep single-primary writes; partition keys give
# partitioned writes (and geo routing); multi-writer stores with conflict
# resolution give multi-primary writes.

service "ledger" { # want: service.ledger write=single-primary
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.balances]
}

service "trips" { # want: service.trips write=partitioned routing=geo promotion=30s
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.trips]
}

# Partitioned writes to a multi-writer store promote nothing: each lost
# partition's home moves to a region that already takes writes. The
# syncdb-backed trips above still promote (30s).
service "rides" { # want: service.rides write=partitioned routing=geo promotion=0s
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.rides]
}

service "carts" { # want: service.carts write=multi-primary routing=latency guards= promotion=0s
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.carts]
}

service "orders" { # want: service.orders write=single-primary
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.orders]
}

service "standby" { # want: service.standby write=single-primary topology=active-passive
  criticality = "important"
  regions     = [region.a, region.b]
  writes      = [data.profiles]
}

data "balances" { # want: data.balances class=critical conflict=single-writer write=single-primary
  owner          = service.ledger
  product        = "t.syncdb"
  loss_tolerance = "none"
}

data "trips" { # want: data.trips class=critical conflict=single-writer write=partitioned
  owner          = service.trips
  product        = "t.syncdb"
  loss_tolerance = "none"
  partition_key  = "city_id"
}

data "rides" { # want: data.rides write=partitioned
  owner          = service.rides
  product        = "t.mwdb"
  loss_tolerance = "1m"
  partition_key  = "rider_id"
}

data "carts" { # want: data.carts class=important conflict=lww write=multi-primary
  owner          = service.carts
  product        = "t.mwdb"
  loss_tolerance = "1m"
}

# Not multi-writer: one region takes the writes.
data "orders" { # want: data.orders conflict=single-writer write=single-primary
  owner          = service.orders
  product        = "t.asyncdb"
  loss_tolerance = "1m"
}

data "profiles" { # want: data.profiles conflict=single-writer
  owner          = service.standby
  product        = "t.mwdb"
  loss_tolerance = "1m"
}
