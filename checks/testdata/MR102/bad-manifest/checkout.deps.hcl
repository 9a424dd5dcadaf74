service = "checkout"

dependency "payments" { kind = "service" }
dependency "recommendations" { kind = "other" }
dependency "reports" { kind = "service" } # want: MR102 MR103
