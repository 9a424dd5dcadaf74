# Module regions select the data centres of the corp catalog above.

region "sh-jq" {
  provider = "corp" # Jinqiao: primary for everything single-writer
}

region "sh-zj" {
  provider = "corp" # Zhangjiang: same city, ~6 km away - the same-city pair
}

region "bj-yz" {
  provider = "corp" # Yizhuang, Beijing: cross-city, survives a Shanghai-wide event
}

region "sg-1" {
  provider = "corp" # Singapore: overseas business only; its data stays there
}

# Where the customers are: audiences.mr.json, generated nightly from the
# traffic dashboards (HCL's JSON syntax; references are written as strings).
