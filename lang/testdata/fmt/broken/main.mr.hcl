service "checkout" {
  regions = [region.us-east-1
  rto="5m"
}
