# What the platform calls but does not run, and where each really is.

# Alipay and WeChat Pay run their own multi-city active-active; we reach
# them over the public internet from either city.
dependency "payment-channels" {
  kind   = "third-party"
  global = true
}

# Maps and ETA (AMap). Soft: dispatch can fall back on straight-line
# distance and each driver's recent speed.
dependency "amap" {
  kind     = "third-party"
  global   = true
  fallback = "straight-line ETA from the driver's recent speed"
}

# SMS codes for sign-in. Two carriers' gateways; when both are down, the app
# offers sign-in with a code sent in an already-signed-in device.
dependency "sms" {
  kind     = "third-party"
  global   = true
  fallback = "queue and retry; offer one-tap sign-in on a trusted device"
}

# Alibaba Cloud DNS with GTM health checks does the city failover.
dependency "alidns" {
  kind    = "dns"
  product = "alicloud.alidns"
  global  = true
}

# Keys for wallet and payment signatures, one KMS instance per city.
dependency "kms" {
  kind    = "secrets"
  product = "alicloud.kms"
  regions = [region.cn-hangzhou, region.cn-shanghai]
}
