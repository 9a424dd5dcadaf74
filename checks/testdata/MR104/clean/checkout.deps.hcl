service = "checkout"

dependency "payments" { kind = "service" }
dependency "tax" {
  kind    = "third-party"
  regions = ["us-east-1", "us-west-2"]
}
