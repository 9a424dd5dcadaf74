# One region per continent. Each region's name says whom it serves; `code`
# is the GCP region it maps to, so a move from Tokyo to Osaka is one line.

region "americas" {
  provider = "gcp"
  code     = "us-central1" # Council Bluffs, Iowa
}

region "europe" {
  provider = "gcp"
  code     = "europe-west1" # St. Ghislain, Belgium
}

region "asia" {
  provider = "gcp"
  code     = "asia-northeast1" # Tokyo
}

audience "north-america" {
  share = 0.4
  near  = region.americas
}

audience "south-america" {
  share = 0.1
  lat   = -23.55
  lon   = -46.63
}

audience "europe-africa" {
  share = 0.3
  near  = region.europe
}

audience "asia-pacific" {
  share = 0.2
  near  = region.asia
}
