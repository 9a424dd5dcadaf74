# The code no longer calls the tax service: it computes tax itself now.
service = "checkout"

dependency "payments" { kind = "service" }
