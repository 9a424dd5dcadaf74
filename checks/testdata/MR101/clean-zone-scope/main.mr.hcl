# The reporting service must survive a zone, not a region: its single-
# region tax provider is a loss beyond the objective. The scenario matrix
# shows it; MR101 does not call it an error.
provider "aws" {}

region "us-east-1" {}
region "us-west-2" {}

objective "zone-only" {
  rpo     = "1h"
  rto     = "4h"
  survive = "zone"
}

service "reports" {
  criticality    = "important"
  objective      = objective.zone-only
  regions        = [region.us-east-1, region.us-west-2]
  depends_on     = [dependency.tax-api]
  failover_drill = "2026-11-20"
}

dependency "tax-api" {
  kind    = "third-party"
  regions = [region.us-east-1]
}
