region "r1" {
  city    = "Ashburn"
  country = "US"
  lat     = 95   # error: Value out of range
  lon     = -77.49
  zones   = -1   # error: Value out of range
}

objective "gold" {
  rpo          = 30            # error: Missing unit
  rto          = "5 minutes"   # error: Invalid duration
  availability = "101%"        # error: Invalid percentage
  survive      = "planet"      # error: Invalid value
}

service "api" {
  regions        = [region.r1]
  objective      = objective.gold
  tier           = 3               # error: Value out of range
  revenue        = "yes please"    # error: Incorrect attribute value type
  topology       = "active-activ"  # error: Invalid value
  failover_drill = "31/03/2026"    # error: Invalid date
  colour         = "blue"          # error: Unsupported argument

  traffic {
    rps        = -5   # error: Value out of range
    read_ratio = 1.5  # error: Value out of range
  }
  routing {
    dns_ttl = "60" # error: Invalid duration
  }
  routing { # error: Duplicate routing block
  }
}

data "blobs" {
  owner          = service.api
  product        = "nostore"     # error: Invalid product
  size           = "10 gigs"     # error: Invalid size
  loss_tolerance = "never"       # error: Invalid duration
  sync           = ["carrier-pigeon"] # error: Invalid value
  write_rate     = 2 * 50
  read_rate      = "${1 + 1}00"
  partition_key  = upper("user_id")
}

widget "x" { # error: Unsupported block type
}
