service = "web"

dependency "dns" { kind = "dns" }
