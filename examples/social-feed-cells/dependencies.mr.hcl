dependency "identity-platform" {
  kind    = "identity"
  product = "gcp.identity-platform"
  global  = true
}

dependency "cloud-dns" {
  kind    = "dns"
  product = "gcp.cloud-dns"
  global  = true
}

dependency "cloud-cdn" {
  kind    = "other"
  product = "gcp.cloud-cdn"
  global  = true
}

# Apple and Google push services. Soft: the in-app inbox still shows
# everything.
dependency "push-gateways" {
  kind     = "third-party"
  global   = true
  fallback = "drop the push; the in-app inbox still has it"
}
