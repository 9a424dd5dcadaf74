# A starter module, written by mrplan init. It validates clean as it is:
# change it to describe your own architecture, and run `mrplan validate` and
# `mrplan plan` as you go. The README's "Language" section has every block
# and attribute; `mrplan providers aws` lists the regions and products.

mrplan {
  # The mrplan releases this module is written for.
  required_version = ">= {{MINOR}}"
}

# The catalog of regions and products used below: aws, azure, gcp, or your
# own (provider "onprem" { region "dc1" { ... } }).
provider "aws" {}

# Regions the services may run in, by the provider's code. A witness
# region only votes when the others disagree; it serves no traffic.
region "us-east-1" {}
region "us-west-2" {}
region "us-east-2" {}

# What the business asks for: how much data it may lose (rpo), how long it
# may be down (rto), and the largest failure to survive (zone, region or
# country).
objective "standard" {
  rpo     = "5m"
  rto     = "30m"
  survive = "region"
}

service "web" {
  # core (tier 0), important (tier 1) or auxiliary (tier 2). Raising it
  # asks more of the service: a recorded failover drill (MR501), and for
  # core a compensation plan for the requests a failover loses (MR404).
  criticality = "auxiliary"
  objective   = objective.standard
  regions     = [region.us-east-1, region.us-west-2]
  # With two regions, automatic failover needs a third vote (MR301).
  witness = region.us-east-2
  writes  = [data.accounts]

  observability {
    # An alert on replication lag, at or below the data's loss tolerance
    # (MR502): lag is otherwise silent until a failover.
    replication_lag_alert = "1m"
  }
}

# A class of data: who owns it, the product that stores it, and how much of
# it may be lost. The planner picks how it is replicated.
data "accounts" {
  owner          = service.web
  product        = "aws.aurora-postgresql"
  loss_tolerance = "5m"
}
