# call blocks describe depends_on edges; their references are checked like
# any other.
provider "aws" {}

region "us-east-1" {}

audience "mainland" {
  share = 0.6
}

service "lobby" {
  regions = [region.us-east-1]
  call {
    to       = service.matchmakr # error: Unknown reference
    fallback = "queue players locally"
  }
  call {
    to        = dependency.sign-in
    audiences = [audience.mainlnd] # error: Unknown reference
  }
  call { # error: Missing required argument
    fallback = "nothing"
  }
}

service "matchmaker" {
  regions = [region.us-east-1]
}

dependency "sign-in" {
  kind = "identity"
}
