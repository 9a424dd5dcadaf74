# social-feed-cells: examples/social-feed rebuilt with composition (SPEC §9):
# the serving regions come from a variable, and two of its services with
# their data classes are cells stamped from a child module. Its plan is
# social-feed's, but for the addresses of those cells' blocks.
#
# social-feed: a global social network's feed - posts, timelines, likes,
# follows and media - active-active in three regions on Google Cloud.
#
# The seed's counterpart to bank-ledger: "global social feed -> active-active
# can work well", because almost nothing here needs every region to agree at
# once. A like that shows up 800 ms later in Tokyo harms no one. The design
# work is in saying, for each kind of data, WHY it may diverge and how it
# converges: partition keys, CRDT counters, last-writer-wins, regeneration.
# Only usernames need global agreement, and they pay for it (see accounts).
#
# It is meant to pass `mrplan validate` with no errors.

mrplan {
  required_version = ">= 0.1"
  state            = "state/social-feed-cells.json"

  # This team runs everything active-active on purpose; a tier 2 service
  # made active-active would be a mistake here too, so keep the notice.
  check "MR403" {
    enabled = true
  }

  assumptions {
    # Long-haul routes between our regions are measured at 1.3 x the great
    # circle on Google's backbone.
    route_factor = 1.3
  }
}

provider "gcp" {}

# Likes are counted in Redis Enterprise Active-Active (CRDT counters), which
# we run ourselves: no GCP-managed store offers CRDTs.
provider "generic" {}

variable "regions" {
  type        = list(string)
  default     = ["americas", "europe", "asia"]
  description = "The regions every user-facing path serves in."
  validation {
    condition     = length(var.regions) >= 2
    error_message = "A feed that survives a region needs at least two serving regions."
  }
}

locals {
  serving = var.regions
}
