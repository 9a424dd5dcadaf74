# SPEC §5.4: automatic failover of single-primary or partitioned writes
# needs a quorum (three or more failure domains, or a witness) and fencing.

service "two" { # want: service.two failover=automatic write=single-primary guards=fencing notes=no-quorum
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.two]
}

service "three" { # want: service.three guards=quorum,fencing notes=
  criticality = "core"
  regions     = [region.a, region.b, region.c]
  writes      = [data.three]
}

service "witnessed" { # want: service.witnessed guards=quorum,fencing notes=
  criticality = "core"
  regions     = [region.a, region.b]
  witness     = region.c
  writes      = [data.witnessed]
}

service "manual" { # want: service.manual failover=manual guards= notes=
  criticality = "core"
  failover    = "manual"
  regions     = [region.a, region.b]
  writes      = [data.manual]
}

service "stateless" { # want: service.stateless write=none guards=
  criticality = "core"
  regions     = [region.a, region.b]
}

data "two" {
  owner          = service.two
  product        = "t.syncdb"
  loss_tolerance = "none"
}

data "three" {
  owner          = service.three
  product        = "t.syncdb"
  loss_tolerance = "none"
}

data "witnessed" {
  owner          = service.witnessed
  product        = "t.syncdb"
  loss_tolerance = "none"
}

data "manual" {
  owner          = service.manual
  product        = "t.syncdb"
  loss_tolerance = "none"
}
