mrplan {
  alerts {
    dependency_health = "probe_success{job=\"bb-deps\",target=\"$dependency\"}"
  }
}

# Two clouds, and what the loss of one, or of a dependency, asks of the
# on-call engineer. api is active-passive across aws and gcp on its own
# PostgreSQL, so losing aws fails it over to gcp; web runs on both and is
# rerouted; reports lives on aws only and goes down. Soft calls: web
# shows cached prices when pricing is down, and only international users
# sign in through intl-idp, whose loss fails their sign-ins.

provider "aws" {}
provider "gcp" {}
provider "generic" {}

region "us-east-1" { provider = "aws" }
region "us-west-2" { provider = "aws" }
region "us-central1" { provider = "gcp" }

audience "domestic" {
  share = 0.7
  near  = region.us-east-1
}

audience "international" {
  share = 0.3
  near  = region.us-central1
}

objective "tier1" {
  rpo = "1m"
  rto = "15m"
}

service "web" {
  criticality    = "core"
  objective      = objective.tier1
  topology       = "active-active"
  regions        = [region.us-east-1, region.us-central1]
  depends_on     = [service.api, service.pricing, dependency.intl-idp]
  compensation   = "international shoppers check out as guests; tell them on the status page"
  failover_drill = "2026-11-01"
  call {
    to       = service.pricing
    fallback = "show the last cached prices"
  }
  call {
    to        = dependency.intl-idp
    audiences = [audience.international]
  }
  call {
    to        = dependency.tax-api
    fallback  = "charge the estimated tax and reconcile later"
    partition = "EU tenants"
  }
}

service "api" {
  criticality    = "core"
  rpo            = "1m"
  rto            = "45m"
  topology       = "active-passive"
  failover       = "manual"
  compensation   = "writes are refused during the failover; clients retry"
  failover_drill = "2026-11-01"
  regions        = [region.us-east-1, region.us-central1]
  writes         = [data.accounts]
  routing { policy = "failover" }
}

service "pricing" {
  criticality = "auxiliary"
  regions     = [region.us-west-2]
}

service "reports" {
  criticality  = "auxiliary"
  regions      = [region.us-west-2]
  compensation = "reports are regenerated once the region is back"
}

data "accounts" {
  owner   = service.api
  product = "generic.postgresql"
}

dependency "intl-idp" {
  kind    = "identity"
  regions = [region.us-central1]
}

dependency "tax-api" {
  kind   = "third-party"
  global = true
}
