# Layout a person might type: fmt aligns the equals signs and indents.
region "us-east-1" {
city = "Ashburn"
  country="US"
    lat = 39.04
  lon     =     -77.49
}

service "checkout" {
  regions = [region.us-east-1]
  rto = "5m"
  routing {
      policy="latency"
  }
}
