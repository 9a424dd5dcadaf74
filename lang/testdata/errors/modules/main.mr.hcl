region "r" {
  city    = "Dublin"
  country = "IE"
  lat     = 53.35
  lon     = -6.26
}

module "child" { # error: Missing required argument
  source = "./child"
  regoins = ["r"] # error: Unsupported argument
}

module "away" {
  source = "../../valid/composition" # error: Module source outside the root module
}

module "remote" {
  source = "git::https://example.com/m.git" # error: Invalid module source
}

module "loop" {
  source = "./loop"
}

service "s" {
  regions    = [region.r]
  depends_on = [module.child.svc, module.chlid.svc] # error: Reference to undeclared module
  reads      = [module.child.nope]                  # error: Unsupported attribute
}
