# private-cloud: a parcel-delivery company's platform, run in its own data
# centres - two in Shanghai, one in Beijing, one in Singapore.
#
# There is no cloud catalog to lean on, so the company describes its own
# "cloud" as a custom provider (provider.mr.hcl): where each data centre is,
# and what each in-house platform product can and cannot do across sites.
# Self-run open-source stores (PostgreSQL, Kafka, Redis) come from the
# built-in `generic` catalog.
#
# The module shows all three of the seed's patterns in one company:
#   same-city      Shanghai Jinqiao + Zhangjiang, ~6 km apart
#   cross-city     Shanghai + Beijing, ~1,070 km
#   cross-country  Singapore, kept separate on purpose (data residency)
#
# It is meant to pass `mrplan validate` with no errors.

mrplan {
  required_version = ">= 0.1"

  assumptions {
    # Our own leased dark fibre between Shanghai and Beijing runs close to the
    # railway: 1.3 x the great circle, measured.
    route_factor = 1.3

    # The platform team's own DNS (CoreDNS + a GSLB) checks every 2 s.
    detection_time = "10s"

    # Restores come from our Ceph backup cluster at about 2 TB an hour.
    restore_throughput = "2TB"
  }
}
