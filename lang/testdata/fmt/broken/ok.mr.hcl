objective "gold" {
  rpo="0s"
  rto = "5m"
}
