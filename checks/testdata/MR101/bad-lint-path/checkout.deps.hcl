service = "checkout"

dependency "payments" { kind = "service" } # want: MR101
