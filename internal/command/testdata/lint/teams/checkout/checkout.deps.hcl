# What checkout's code calls, kept by the checkout team.
service = "checkout"

dependency "payments" { kind = "service" }
dependency "recommendations" { kind = "service" }

# The fraud scorer was added last sprint; the architecture does not know it.
dependency "fraud-score" {
  kind    = "third-party"
  regions = ["us-east-1"]
}
