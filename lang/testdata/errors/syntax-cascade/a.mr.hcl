provider "corp" {
  product "db" {
    kind = "database"
  }
  region "x" {
    city    = "Paris"
    country = "FR"
    lat     = 48.85
    lon     = 2.35
  } } # error: Missing newline after block definition
