# Parcels in flight cannot wait: a courier at a door needs the waybill now.
objective "parcel-flow" {
  rpo          = "0s"
  rto          = "2m"
  availability = "99.99%"
  # Survive losing any one site. Both Shanghai sites share a power grid and
  # a typhoon path, which is why waybill also runs in Beijing - but a
  # "whole city" failure is not one of the domains mrplan plays (zone,
  # region, country), so that reasoning lives in this comment, not the plan.
  survive              = "region"
  write_latency_budget = "30ms"
}

objective "tracking" {
  rpo     = "30s"
  rto     = "5m"
  survive = "region"
}

objective "back-office" {
  rpo     = "15m"
  rto     = "4h"
  survive = "region"
}

# Singapore is one data centre. Losing it stops the overseas business for a
# while; the company accepts that rather than ship customers' data abroad.
objective "overseas" {
  rpo     = "15m"
  rto     = "8h"
  survive = "zone"
}
