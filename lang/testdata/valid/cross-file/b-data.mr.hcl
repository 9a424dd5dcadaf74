data "ledger" {
  owner   = service.a
  product = "lab.pg"
}

dependency "idp" {
  kind    = "identity"
  product = "lab.sso"
  global  = true
}
