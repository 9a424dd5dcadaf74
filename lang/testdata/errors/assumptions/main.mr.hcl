# An unknown assumption names the closest one and lists those that exist.
mrplan {
  assumptions {
    detection_tim  = "20s" # error: Unknown assumption
    route_factor   = 1.3
    speed_of_light = 200 # error: Unknown assumption
  }
}

provider "aws" {}
