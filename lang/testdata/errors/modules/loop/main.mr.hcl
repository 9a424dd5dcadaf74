module "again" {
  source = "../loop" # error: Module cycle
}
