service "cart" {
  regions    = [region.us-east-1]
  depends_on = [service.checkout]
}
