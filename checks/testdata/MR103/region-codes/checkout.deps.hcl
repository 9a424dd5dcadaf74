service = "checkout"

dependency "fraud-score" { # want: MR103
  kind    = "third-party"
  regions = ["us-east-1", "us-west-2"]
}
