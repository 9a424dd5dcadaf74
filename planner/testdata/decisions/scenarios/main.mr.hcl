# SPEC §5.5 failure scenarios: every zone, region and country lost. Regions
# a, b and c have three zones each, so a zone loss takes no region down; a2
# has one, so losing its zone loses it.

# want: service.web lost(zone:a-z1)=serving lost(zone:a2-z1)=serving
# want: service.web lost(region:a)=rerouted>b@1m30s lost(region:b)=rerouted>a@1m30s
# want: service.web lost(country:AA)=down@service.web lost(region:c)=serving
service "web" {
  criticality = "core"
  regions     = [region.a, region.b]
}

# want: service.ledger lost(region:a)=failed-over>b@2m lost(region:b)=rerouted>a@1m30s
# (A zero-loss channel exposes nothing: the region-a loss is safe, issue 14.)
# want: data.entries lost(region:a)=safe lost(region:b)=safe lost(country:AA)=gone@1d
service "ledger" {
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.entries]
}

# A hidden dependency: it keeps serving when c is lost, but goes down with a.
# want: service.checkout lost(region:c)=rerouted>a@1m30s lost(region:a)=down@dependency.gateway
service "checkout" {
  criticality = "core"
  regions     = [region.a, region.c]
  depends_on  = [dependency.gateway]
}

# Active-passive with a warm standby in b, failed over by hand (set in the
# module, so the planner does not escalate it to automatic).
# want: service.backoffice lost(region:a)=failed-over>b@32m30s lost(region:b)=serving
# want: data.tickets lost(region:a)=exposed@2s lost(region:b)=safe
service "backoffice" {
  criticality = "important"
  rto         = "20m"
  rpo         = "1m"
  failover    = "manual"
  regions     = [region.a, region.b]
  writes      = [data.tickets]
}

# want: service.batch lost(zone:a2-z1)=down@service.batch lost(region:a)=serving
service "batch" {
  criticality = "auxiliary"
  regions     = [region.a2]
}

dependency "gateway" {
  kind    = "third-party"
  regions = [region.a]
}

data "entries" {
  owner          = service.ledger
  product        = "t.syncdb"
  loss_tolerance = "none"
}

data "tickets" {
  owner   = service.backoffice
  product = "t.asyncdb"
}

# Partitioned writes: whichever region is lost, the records homed there
# move, so the service fails over (its RTO), never just reroutes.
# want: service.trips lost(region:b)=failed-over>a@2m lost(region:a)=failed-over>b@2m
# want: data.rides lost(region:b)=safe lost(region:c)=safe
service "trips" {
  criticality = "core"
  regions     = [region.a, region.b]
  writes      = [data.rides]
}

data "rides" {
  owner          = service.trips
  product        = "t.syncdb"
  loss_tolerance = "none"
  partition_key  = "city"
}
