# global-commerce: the checkout of a web shop that sells in North America,
# Europe and Japan, run entirely on AWS.
#
# Read this module in the order of the seed's four steps:
#   1. business tiering      -> objectives.mr.hcl, services.mr.hcl
#   2. data classification   -> data.mr.hcl
#   3. data synchronisation  -> data.mr.hcl (sync, conflict, partition_key)
#   4. exception handling    -> compensation, fallbacks in dependencies.mr.hcl
#
# This module is meant to FAIL `mrplan validate`: the payment gateway is only
# reachable from us-east-1 (dependencies.mr.hcl), so checkout and payments
# cannot really fail over. That is the hidden single-region dependency this
# example exists to show; see README.md.

mrplan {
  required_version = ">= 0.1"

  # Plans are reviewed in pull requests; the accepted one lives next to the module.
  state = "mrplan.state.json"

  # Recommendations and notifications are deliberately tier 2 and single-region
  # or cold-standby; a tier 2 service made active-active is only a cost notice,
  # which this team wants to see as a warning in review.
  check "MR403" {
    severity = "warning"
  }

  assumptions {
    # Route 53 health checks: 10 s interval, failure threshold 3.
    detection_time = "30s"
  }
}

# One cloud. Every region below comes from the built-in aws catalog, so city,
# country, coordinates and zone counts need not be written.
provider "aws" {}
