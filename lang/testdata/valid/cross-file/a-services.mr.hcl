# Services come first in lexical order but refer to blocks declared in the
# files after them.
service "a" {
  regions    = [region.east, region.west]
  depends_on = [service.b, dependency.idp]
  writes     = [data.ledger]
  objective  = objective.strict
}

service "b" {
  regions    = [region.west]
  depends_on = [service.c]
}

service "c" {
  regions    = [region.east]
  depends_on = [service.a, service.c] # a cycle through a, and one onto itself
}
