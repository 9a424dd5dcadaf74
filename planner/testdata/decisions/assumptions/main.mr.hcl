# Every threshold comes from the module's assumptions (SPEC §5.6).
mrplan {
  assumptions {
    detection_time         = "10s"
    tier0_max_rto          = "10m"
    important_loss_tolerance = "2h"
    reference_read_ratio   = 3
  }
}

service "ten-minutes" { # want: service.ten-minutes tier=0 detection=10s rto=2m10s
  rto     = "10m"
  rpo     = "90m"
  regions = [region.a, region.b]
}

data "ninety-minutes" { # want: data.ninety-minutes class=important
  owner   = service.ten-minutes
  product = "t.asyncdb"
}

data "three-times" { # want: data.three-times class=reference
  owner          = service.ten-minutes
  product        = "t.asyncdb"
  loss_tolerance = "1d"
  write_rate     = 10
  read_rate      = 30
}
