# What checkout's code calls, kept by the checkout team.
service = "checkout"

dependency "payments" { kind = "service" }
dependency "tax" { kind = "third-party" }

# Declared in the module, but not in checkout's depends_on.
dependency "fraud-api" { kind = "third-party" } # want: MR103

# Not in the module at all, and reachable from one region only.
dependency "geo-ip" { # want: MR103 MR101
  kind    = "third-party"
  regions = ["us-east-1"]
}
