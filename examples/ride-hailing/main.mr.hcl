# ride-hailing: a ride-hailing platform in two cities of one country,
# Hangzhou and Shanghai, on Alibaba Cloud.
#
# This is the seed article's own example of a system that justifies
# active-active: every minute down strands riders at the kerb and drivers
# without income. It shows both of the seed's in-country patterns:
#   - same-city: every region has several zones (separate data centres a few
#     kilometres apart); services that only need to survive a data-centre
#     loss stay in one city (objectives.mr.hcl, objective "same-city").
#   - cross-city: the core runs in Hangzhou AND Shanghai, ~170 km apart -
#     close enough for synchronous replication of the one thing that must not
#     be lost (wallet balances), far enough that a city-wide power or network
#     failure does not take both.
#
# It is meant to pass `mrplan validate` with no errors.

mrplan {
  required_version = ">= 0.1"

  assumptions {
    # Our GSLB (Alibaba Cloud DNS GTM) probes every 3 s and declares a city
    # dead after 3 failed probes from 3 vantage points.
    detection_time = "10s"
  }
}

provider "alicloud" {}

# Self-run MySQL on ECS, for the data that must survive a city loss with
# (almost) nothing lost and no one deciding: Alibaba Cloud's managed
# cross-region database (PolarDB's global database network) replicates
# asynchronously and switches over by hand, in minutes.
provider "generic" {}
