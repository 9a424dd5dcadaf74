# Write modes are decided per data class (issue 14): one single-writer
# class does not cancel a sibling's partition_key, and the service shows
# the mix. CRDT or merge resolutions the application applies run
# multi-primary on a store that takes writes everywhere.

# The ledger is critical and unkeyed (one primary); carts are keyed.
service "payments" { # want: service.payments write=mixed promotion=30s guards=quorum,fencing
  criticality = "core"
  regions     = [region.a, region.b, region.c]
  writes      = [data.ledger, data.carts]
}

data "ledger" { # want: data.ledger write=single-primary conflict=single-writer
  owner          = service.payments
  product        = "t.syncdb"
  loss_tolerance = "none"
}

data "carts" { # want: data.carts write=partitioned conflict=single-writer
  owner         = service.payments
  product       = "t.mwdb"
  partition_key = "user_id"
}

# The store resolves by lww only; the module merges in the application.
service "inventory" { # want: service.inventory write=multi-primary guards=
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.counters]
}

data "counters" { # want: data.counters write=multi-primary conflict=crdt notes=
  owner    = service.inventory
  product  = "t.mwdb"
  conflict = "crdt"
}

# Partitioned on a store that takes writes everywhere: nothing is elected,
# so two regions need no quorum, only fencing.
service "sessions" { # want: service.sessions write=partitioned guards=fencing notes=
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.sessions]
}

data "sessions" { # want: data.sessions write=partitioned
  owner         = service.sessions
  product       = "t.mwdb"
  partition_key = "session_id"
}

# last writer wins on data that one primary writes: a contradiction.
service "profiles" { # want: service.profiles write=single-primary
  criticality = "important"
  regions     = [region.a, region.b]
  writes      = [data.profiles]
}

data "profiles" { # want: data.profiles write=single-primary notes=lww-single-primary
  owner    = service.profiles
  product  = "t.mwdb"
  conflict = "lww"
}

# Four voters: a majority exists, but a two-two split elects nobody.
service "four" { # want: service.four guards=quorum,fencing notes=
  criticality = "core"
  regions     = [region.a, region.a2, region.b, region.c]
  writes      = [data.four]
}

data "four" {
  owner          = service.four
  product        = "t.syncdb"
  loss_tolerance = "none"
}
