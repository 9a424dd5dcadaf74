# Every cost factor is an assumption the module can override (SPEC §5.6).
mrplan {
  assumptions {
    cost_cold_standby  = 0.3
    cost_active_region = 1.2
  }
}

region "us-east-1" { provider = "aws" }
region "us-west-2" { provider = "aws" }

# want: service.cold standby=cold cost=1.5
service "cold" {
  tier    = 2
  regions = [region.us-east-1, region.us-west-2]
}
